package io.coupon.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Real processes, real crashes: a broker process, three stream instances, one API instance and the MySQL sink,
 * each its own JVM started from the shaded jar, killed with SIGKILL in the middle of the work. The clients are
 * {@link ResilientClient}s; afterwards the invariants must hold exactly. {@code -Dfault.long=true} runs the
 * same scenarios at the sizes recorded in docs/BENCHMARKS.md; the default is the short version CI runs.
 */
@Tag("fault")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultIT {

    private static final boolean LONG = Boolean.getBoolean("fault.long");
    private static final int STOCK = LONG ? 5_000 : 150;
    private static final int USERS = STOCK * 2;
    private static final int CLIENTS = LONG ? 64 : 24;

    private LocalCluster cluster;
    private ResilientClient anyInstance;
    private FaultSale sales;

    @BeforeAll
    void startCluster() throws Exception {
        sales = FaultSale.start("coupon-fault", new FaultSale.Shape(1, 3, 6,
                // Small heaps and the quick compiler: five JVMs share two cores on CI.
                List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")), STOCK, CLIENTS);
        cluster = sales.cluster();
        anyInstance = sales.anyInstance();
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (sales != null) {
            sales.close();
        }
    }

    @Test
    @Order(1)
    void flashSaleKeepsEveryInvariantWhenAStreamInstanceIsKilledAndRestarted() throws Exception {
        long templateId = sales.createTemplate(STOCK);
        ChildProcess victim = cluster.streams().get(1);

        // Killed while most of the stock is still to be granted: the claims it answered from its open
        // transaction must be decided again identically (the same coupon ids) by whoever replays them.
        FaultSale.Sale sale = sales.run(templateId, anyInstance, done -> {
            if (done == STOCK / 3) {
                kill(victim);
            } else if (done == USERS) {
                restart(victim);
            }
        });

        sales.assertInvariants(templateId, sale);
        sales.assertMysqlHoldsExactly(templateId, sale.granted());
    }

    @Test
    @Order(2)
    void retriedClaimsGetTheirFirstOutcomeWhenTheApiInstanceIsKilled() throws Exception {
        long templateId = sales.createTemplate(STOCK);
        ChildProcess api = cluster.apis().get(0);
        List<String> apiFirst = new ArrayList<>(List.of(LocalCluster.url(api)));
        cluster.streams().forEach(s -> apiFirst.add(LocalCluster.url(s)));
        // Everyone starts on the API instance; when it dies, retries move on to the others.
        ResilientClient client = new ResilientClient(apiFirst);

        FaultSale.Sale sale = sales.run(templateId, client, done -> {
            if (done == USERS * 2 / 3) {
                kill(api);
            } else if (done == USERS * 4 / 3) {
                restart(api);
            }
        });

        sales.assertInvariants(templateId, sale);
        // Every key asked again, anywhere, answers exactly as it first did.
        Parallel.run(new ArrayList<>(sale.answers().entrySet()), CLIENTS, first -> {
            String[] userAndKey = first.getKey().split("/", 2);
            ResilientClient.Answer again = anyInstance.claim(templateId, Long.parseLong(userAndKey[0]),
                    userAndKey[1]);
            assertEquals(first.getValue().field("status"), again.field("status"), first.getKey());
            assertEquals(first.getValue().field("couponId"), again.field("couponId"), first.getKey());
        });
    }

    @Test
    @Order(3)
    void brokerOutageUnderLoadIsAnsweredFastAndRecoversByItself() throws Exception {
        long templateId = sales.createTemplate(STOCK);
        AtomicInteger slowAnswers = new AtomicInteger();

        FaultSale.Sale sale = sales.run(templateId, anyInstance, done -> {
            if (done == USERS * 2 / 3) {
                try {
                    cluster.broker().stop(30);
                    // While the broker is down, every instance must refuse instead of hanging (the contract: never a
                    // hang). The bound is a hang detector, generous for a loaded CI machine, not a speed target.
                    for (ChildProcess instance : cluster.instances()) {
                        long asked = System.nanoTime();
                        Api api = new Api(LocalCluster.url(instance));
                        int status = api.claim(templateId, 1, "Idempotency-Key", "outage-probe").status();
                        if (Duration.ofNanos(System.nanoTime() - asked).toSeconds() > 20) {
                            slowAnswers.incrementAndGet();
                        }
                        assertTrue(status == 503 || status == 202, "answered " + status + " with Kafka down");
                    }
                    // The broker stays down until every instance has seen the outage (its /health DOWN).
                    await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                            .until(() -> cluster.instances().stream().allMatch(instance ->
                                    new Api(LocalCluster.url(instance)).get("/health").status() == 503));
                    cluster.startBroker();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        });

        assertEquals(0, slowAnswers.get(), "an instance hung (over 20 s) instead of refusing while Kafka was down");
        for (ChildProcess instance : cluster.instances()) {
            cluster.awaitHealthy(instance, Duration.ofMinutes(2));
        }
        sales.assertInvariants(templateId, sale);
    }

    @Test
    @Order(4)
    void redemptionsStayConsistentWhenTheWalletOwnerIsKilled() throws Exception {
        FaultSale.Holders holders = sales.grantHolders(LONG ? 1_000 : 60);
        ChildProcess victim = cluster.streams().get(0);

        FaultSale.Redemptions redemptions = sales.redeem(holders, done -> {
            if (done == holders.size() / 3) {
                kill(victim);
            } else if (done == holders.size() * 2 / 3) {
                restart(victim);
            }
        });

        sales.assertRedemptionsHeld(holders, redemptions);
    }

    @Test
    @Order(5)
    void theOfflineVerifierFindsEveryPromiseKeptAfterEveryFault() throws Exception {
        // Everything this suite committed, judged from the topics, MySQL and the wallets as an operator would.
        sales.assertOfflineVerdictClean();
    }

    private void kill(ChildProcess process) throws InterruptedException {
        process.kill();
    }

    private void restart(ChildProcess process) throws Exception {
        process.start();
    }
}

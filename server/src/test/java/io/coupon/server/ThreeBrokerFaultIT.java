package io.coupon.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coupon.contract.Topics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The cluster of {@code coupon-server.jar cluster --brokers 3}: three KRaft nodes (each broker and controller), every
 * topic and changelog replicated three times with two replicas in sync for a write. A node is killed with SIGKILL in
 * the middle of a flash sale, the one that matters most at that moment, and comes back later; the sale's
 * invariants must hold exactly, as after the single-broker faults of {@link ClusterFaultIT}.
 */
@Tag("fault")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ThreeBrokerFaultIT {

    private static final boolean LONG = Boolean.getBoolean("fault.long");
    private static final int STOCK = LONG ? 5_000 : 120;
    private static final int USERS = STOCK * 2;
    private static final int CLIENTS = LONG ? 64 : 16;
    private static final int PARTITIONS = 4;

    private LocalCluster cluster;
    private FaultSale sales;
    private ResilientClient anyInstance;

    @BeforeAll
    void startCluster() throws Exception {
        sales = FaultSale.start("coupon-fault3", new FaultSale.Shape(3, 2, PARTITIONS,
                // Seven JVMs share two cores on CI: small heaps and the quick compiler.
                List.of("-Xmx320m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")), STOCK, CLIENTS);
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
    void everyTopicIsReplicatedThreeTimesAndWritesNeedTwoInSync() throws Exception {
        try (Admin admin = admin()) {
            TopicDescription claims = admin.describeTopics(List.of(Topics.CLAIM_REQUESTS)).allTopicNames().get()
                    .get(Topics.CLAIM_REQUESTS);
            claims.partitions().forEach(partition -> assertEquals(3, partition.replicas().size(), partition.toString()));
            String minInSync = admin.describeConfigs(List.of(
                            new ConfigResource(ConfigResource.Type.TOPIC, Topics.CLAIM_REQUESTS)))
                    .all().get().values().iterator().next().get("min.insync.replicas").value();
            assertEquals("2", minInSync);
        }
    }

    @Test
    @Order(2)
    void flashSaleKeepsEveryInvariantWhenTheHotPartitionsLeaderIsKilled() throws Exception {
        long templateId = sales.createTemplate(STOCK);
        ChildProcess leader = cluster.brokers().get(leaderOfClaims(templateId) - 1);

        // Killed while most of the stock is still to be granted: the claims it had acknowledged are on the other
        // two replicas (acks=all, two in sync), and a new leader takes the partition over.
        FaultSale.Sale sale = sales.run(templateId, anyInstance, done -> {
            if (done == STOCK / 3) {
                leader.kill();
            } else if (done == USERS) {
                cluster.restartBroker(leader);
            }
        });

        sales.assertInvariants(templateId, sale);
        sales.assertMysqlHoldsExactly(templateId, sale.granted());
    }

    @Test
    @Order(3)
    void flashSaleKeepsEveryInvariantWhenTheActiveControllerIsKilled() throws Exception {
        long templateId = sales.createTemplate(STOCK);
        ChildProcess controller;
        try (Admin admin = admin()) {
            controller = cluster.brokers().get(admin.describeMetadataQuorum().quorumInfo().get().leaderId() - 1);
        }

        FaultSale.Sale sale = sales.run(templateId, anyInstance, done -> {
            if (done == STOCK / 3) {
                controller.kill();
            } else if (done == USERS) {
                cluster.restartBroker(controller);
            }
        });

        sales.assertInvariants(templateId, sale);
        sales.assertMysqlHoldsExactly(templateId, sale.granted());
    }

    @Test
    @Order(4)
    void flashSaleKeepsEveryInvariantWhenABrokerAndAStreamInstanceAreKilledTogether() throws Exception {
        long templateId = sales.createTemplate(STOCK);
        ChildProcess broker = cluster.brokers().get(leaderOfClaims(templateId) - 1);
        ChildProcess stream = cluster.streams().get(1);

        // The stream instance dies with its transaction open while the partition it writes loses its leader: the
        // transaction is aborted by whoever takes over, and every claim it answered is decided again identically.
        FaultSale.Sale sale = sales.run(templateId, anyInstance, done -> {
            if (done == STOCK / 3) {
                broker.kill();
                stream.kill();
            } else if (done == USERS) {
                cluster.restartBroker(broker);
                stream.start();
            }
        });

        sales.assertInvariants(templateId, sale);
        sales.assertMysqlHoldsExactly(templateId, sale.granted());
    }

    @Test
    @Order(5)
    void aRollingRestartOfEveryBrokerDuringASaleAndRedemptionsLosesNothing() throws Exception {
        FaultSale.Holders holders = sales.grantHolders(LONG ? 1_000 : 40);
        long templateId = sales.createTemplate(STOCK);
        ExecutorService redeeming = Executors.newSingleThreadExecutor();
        List<Future<FaultSale.Redemptions>> redemptions = new CopyOnWriteArrayList<>();

        // As an operator upgrades a cluster: one node at a time, stopped politely (it hands its leaderships over
        // first), started again, and the next only once every partition has its three replicas in sync again.
        FaultSale.Sale sale = sales.run(templateId, anyInstance, done -> {
            if (done == STOCK / 6) {
                redemptions.add(redeeming.submit(() -> sales.redeem(holders, redeemed -> { })));
                for (ChildProcess broker : cluster.brokers()) {
                    broker.stop(30);
                    cluster.restartBroker(broker);
                    awaitEveryReplicaInSync();
                }
            }
        });

        sales.assertInvariants(templateId, sale);
        sales.assertMysqlHoldsExactly(templateId, sale.granted());
        sales.assertRedemptionsHeld(holders, redemptions.get(0).get(5, TimeUnit.MINUTES));
        redeeming.shutdown();
    }

    private void awaitEveryReplicaInSync() {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).until(() -> {
            try (Admin admin = admin()) {
                Set<String> topics = admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
                return admin.describeTopics(topics).allTopicNames().get().values().stream()
                        .flatMap(topic -> topic.partitions().stream())
                        .allMatch(partition -> partition.isr().size() == partition.replicas().size());
            }
        });
    }

    @Test
    @Order(6)
    void theOfflineVerifierFindsEveryPromiseKeptAfterEveryFault() throws Exception {
        // Everything this suite committed, judged from the topics, MySQL and the wallets as an operator would.
        sales.assertOfflineVerdictClean();
    }

    /** The node id of the leader of the {@code claim-requests} partition the template's claims go to. */
    private int leaderOfClaims(long templateId) throws Exception {
        // The API keys claims by template id, 8 bytes big-endian, with the producer's default partitioner.
        byte[] key = ByteBuffer.allocate(Long.BYTES).putLong(templateId).array();
        int partition = Utils.toPositive(Utils.murmur2(key)) % PARTITIONS;
        try (Admin admin = admin()) {
            return admin.describeTopics(List.of(Topics.CLAIM_REQUESTS)).allTopicNames().get()
                    .get(Topics.CLAIM_REQUESTS).partitions().get(partition).leader().id();
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
    }
}

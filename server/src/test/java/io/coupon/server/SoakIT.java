package io.coupon.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The soak, outside CI: a steady mix of claims, redemptions and wallet reads on the three-broker cluster for
 * {@code -Dfault.soak.minutes} (30), with a SIGKILL every {@code -Dfault.soak.killEvery} seconds (180) of a process
 * chosen at random among the brokers, the stream instances and the API instance, each started again after a
 * while; then the offline verdict and the redemptions' outcomes. Prints what ran, what was killed, and the longest
 * any request waited for its final answer. Run with {@code -Dit.test=SoakIT -Dfault.soak=true}.
 */
@Tag("fault")
@EnabledIfSystemProperty(named = "fault.soak", matches = "true")
class SoakIT {

    private static final Duration LENGTH = Duration.ofMinutes(Long.getLong("fault.soak.minutes", 30));
    private static final Duration KILL_EVERY = Duration.ofSeconds(Long.getLong("fault.soak.killEvery", 180));
    private static final Duration DOWN_FOR = Duration.ofSeconds(30);
    private static final Duration TEMPLATE_EVERY = Duration.ofMinutes(1);
    private static final int CLIENTS = 8;

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong longestWaitMillis = new AtomicLong();
    /** A user and the coupon a claim granted it, waiting to be redeemed or read. */
    private record Holder(long user, String couponId) {
    }

    private final ConcurrentLinkedQueue<Holder> holders = new ConcurrentLinkedQueue<>();
    private final Map<String, String> orderEnds = new ConcurrentHashMap<>();
    private final Map<String, Long> orderUsers = new ConcurrentHashMap<>();
    private final Map<String, String> orderCoupons = new ConcurrentHashMap<>();
    private final List<String> kills = new ArrayList<>();
    private volatile long templateId;

    @Test
    void aSteadyMixWithAKillEveryFewMinutesKeepsEveryPromise() throws Exception {
        try (FaultSale sales = FaultSale.start("coupon-soak", new FaultSale.Shape(3, 2, 4, List.of("-Xmx512m")), 1,
                CLIENTS)) {
            LocalCluster cluster = sales.cluster();
            ResilientClient client = sales.anyInstance();
            long end = System.nanoTime() + LENGTH.toNanos();
            ExecutorService workers = Executors.newFixedThreadPool(CLIENTS + 1);
            List<Future<?>> running = new ArrayList<>();
            templateId = sales.createTemplate(100_000);
            running.add(workers.submit(() -> killAtRandom(cluster, sales, end)));
            for (int i = 0; i < CLIENTS; i++) {
                running.add(workers.submit(() -> mix(client, sales, end)));
            }
            for (Future<?> work : running) {
                work.get();
            }
            workers.shutdown();
            for (ChildProcess instance : cluster.instances()) {
                cluster.awaitHealthy(instance, Duration.ofMinutes(3));
            }

            sales.assertOfflineVerdictClean();
            orderEnds.forEach((order, ending) -> {
                JsonNode wallet = client.read("/v1/users/" + orderUsers.get(order) + "/coupons").get("coupons");
                String expected = "USED".equals(ending) ? "USED" : "UNUSED";
                for (JsonNode coupon : wallet) {
                    if (coupon.get("couponId").asText().equals(orderCoupons.get(order))) {
                        assertEquals(expected, coupon.get("status").asText(), order);
                    }
                }
            });
            System.out.println("soak: " + LENGTH.toMinutes() + " min, " + new TreeMap<>(counts) + ", kills " + kills
                    + ", longest wait for a final answer " + longestWaitMillis.get() + " ms");
            assertTrue(counts.getOrDefault("claims", new AtomicLong()).get() > 0, "nothing ran");
        }
    }

    /** One client: mostly claims of the current template, then redemptions of what it won, and wallet reads. */
    private Void mix(ResilientClient client, FaultSale sales, long end) {
        Random random = ThreadLocalRandom.current();
        while (System.nanoTime() < end) {
            int dice = random.nextInt(100);
            long asked = System.nanoTime();
            Holder holder = dice >= 70 ? holders.poll() : null;
            if (holder != null && dice < 85) {
                String order = "soak-" + UUID.randomUUID();
                String couponId = holder.couponId();
                ResilientClient.Answer locked = client.tryRedemption(order, holder.user(), couponId, "250.00");
                assertEquals(201, locked.status(), locked.body().toString());
                ResilientClient.Answer ended = random.nextBoolean() ? client.confirm(order, holder.user())
                        : client.cancel(order, holder.user());
                assertEquals(200, ended.status(), ended.body().toString());
                orderEnds.put(order, ended.field("status"));
                orderUsers.put(order, holder.user());
                orderCoupons.put(order, couponId);
                count("redemptions");
            } else if (holder != null) {
                JsonNode wallet = client.read("/v1/users/" + holder.user() + "/coupons").get("coupons");
                assertTrue(wallet.toString().contains(holder.couponId()), "user " + holder.user() + " holds " + wallet);
                holders.add(holder);
                count("reads");
            } else {
                long user = sales.nextUser();
                long template = templateId;
                ResilientClient.Answer answer = client.claim(template, user, "soak-" + user);
                if (answer.status() == 201) {
                    holders.add(new Holder(user, answer.field("couponId")));
                } else {
                    assertEquals(409, answer.status(), answer.body().toString());
                }
                count("claims");
            }
            longestWaitMillis.accumulateAndGet(Duration.ofNanos(System.nanoTime() - asked).toMillis(), Math::max);
        }
        return null;
    }

    /** Every {@link #KILL_EVERY} a SIGKILL to a random process, started again {@link #DOWN_FOR} later. */
    private Void killAtRandom(LocalCluster cluster, FaultSale sales, long end) throws Exception {
        List<ChildProcess> victims = new ArrayList<>(cluster.brokers());
        victims.addAll(cluster.instances());
        Random random = new Random();
        long nextTemplate = System.nanoTime() + TEMPLATE_EVERY.toNanos();
        long nextKill = System.nanoTime() + KILL_EVERY.toNanos();
        while (System.nanoTime() < end) {
            long due = Math.min(end, Math.min(nextTemplate, nextKill));
            await().atMost(TEMPLATE_EVERY.plus(KILL_EVERY)).pollInterval(Duration.ofMillis(200))
                    .until(() -> System.nanoTime() >= due);
            if (System.nanoTime() > nextTemplate) {
                templateId = sales.createTemplate(100_000);
                nextTemplate = System.nanoTime() + TEMPLATE_EVERY.toNanos();
            }
            if (System.nanoTime() > nextKill && System.nanoTime() + DOWN_FOR.toNanos() < end) {
                ChildProcess victim = victims.get(random.nextInt(victims.size()));
                kills.add(victim.name());
                victim.kill();
                // Down for a while, as a machine that has to be replaced is, then started again.
                await().pollDelay(DOWN_FOR).atMost(DOWN_FOR.plusSeconds(5)).until(() -> !victim.isAlive());
                if (cluster.brokers().contains(victim)) {
                    cluster.restartBroker(victim);
                } else {
                    victim.start();
                    cluster.awaitHealthy(victim, Duration.ofMinutes(3));
                }
                count("kills");
                nextKill = System.nanoTime() + KILL_EVERY.toNanos();
            }
        }
        return null;
    }

    private void count(String what) {
        counts.computeIfAbsent(what, w -> new AtomicLong()).incrementAndGet();
    }
}

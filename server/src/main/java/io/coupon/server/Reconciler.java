package io.coupon.server;

import io.coupon.contract.config.KafkaConnection;
import io.coupon.connect.MysqlCoupons;
import io.coupon.connect.ShardMap;
import io.coupon.contract.TopicCatalog;
import io.coupon.contract.config.MysqlSettings;
import io.coupon.contract.message.CouponEvent;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The article's compensation check, made a tool: replays every committed coupon event to learn what MySQL
 * should hold (the latest version of each coupon), reads the shards, and lists every difference — per template
 * the number of coupons, per coupon its status. Agreement is exit code 0. The sink trails the topic, so a
 * difference counts only when it outlasts the settle time.
 */
final class Reconciler {

    /** How long MySQL may trail {@code coupon-events} for the operator's commands: the sink's lag after a crash. */
    static final Duration SINK_SETTLE_TIME = Duration.ofMinutes(1);

    private final KafkaConnection kafka;
    private final MysqlSettings mysql;
    private final Duration settleTime;
    private final PrintStream out;

    /** @param settleTime how long to compare again while MySQL differs; zero: one comparison */
    Reconciler(KafkaConnection kafka, MysqlSettings mysql, Duration settleTime, PrintStream out) {
        this.kafka = kafka;
        this.mysql = mysql;
        this.settleTime = settleTime;
        this.out = out;
    }

    /** @return the differences found; empty when Kafka and MySQL agree */
    List<String> run() throws Exception {
        return compare(latestCouponStates());
    }

    /**
     * The differences between MySQL and {@code expected}, every coupon's latest committed event (for a caller that
     * has already read {@code coupon-events}).
     */
    List<String> compare(Map<String, CouponEvent> expected) throws Exception {
        long settleBy = System.nanoTime() + settleTime.toNanos();
        List<String> differences = differences(expected);
        while (!differences.isEmpty() && System.nanoTime() - settleBy < 0) {
            Thread.sleep(1_000);
            differences = differences(expected);
        }
        out.println("reconcile: " + expected.size() + " coupons in Kafka; " + (differences.isEmpty()
                ? "MySQL agrees" : differences.size() + " difference(s)"));
        differences.forEach(d -> out.println("  " + d));
        return differences;
    }

    private List<String> differences(Map<String, CouponEvent> expected) throws Exception {
        List<String> differences = new ArrayList<>();
        ShardMap shards = mysql.shardMap() == null ? ShardMap.single(mysql.url())
                : ShardMap.parse(mysql.shardMap(), mysql.url());
        try (MysqlCoupons rows = new MysqlCoupons(shards, mysql.user(), mysql.password())) {
            Map<Long, Long> expectedCounts = new TreeMap<>();
            expected.values().forEach(e -> expectedCounts.merge(e.templateId(), 1L, Long::sum));
            Map<Long, Long> actualCounts = rows.countsByTemplate();
            for (Long template : union(expectedCounts, actualCounts)) {
                long want = expectedCounts.getOrDefault(template, 0L);
                long have = actualCounts.getOrDefault(template, 0L);
                if (want != have) {
                    differences.add("template " + template + ": " + want + " coupons granted, " + have + " rows");
                }
            }
            for (CouponEvent want : expected.values()) {
                Optional<MysqlCoupons.CouponRow> row = rows.coupon(want.couponId(), want.userId());
                if (row.isEmpty()) {
                    differences.add("coupon " + want.couponId() + " of user " + want.userId() + ": no row");
                } else if (!row.get().status().equals(want.status().name())) {
                    differences.add("coupon " + want.couponId() + ": status " + want.status() + " (version "
                            + want.version() + ") in Kafka, " + row.get().status() + " (version "
                            + row.get().version() + ") in MySQL");
                }
            }
        }
        return differences;
    }

    /** Every coupon's latest committed event, read from the start of {@code coupon-events} to its current end. */
    private Map<String, CouponEvent> latestCouponStates() {
        Map<String, CouponEvent> latest = new HashMap<>();
        CommittedTopic.readAll(kafka, "coupon-reconcile", TopicCatalog.COUPON_EVENTS,
                event -> keepLatest(latest, event));
        return latest;
    }

    /** Keeps {@code event} in {@code latest} if it is its coupon's highest version so far: what MySQL should hold. */
    static void keepLatest(Map<String, CouponEvent> latest, CouponEvent event) {
        latest.merge(event.couponId(), event, (a, b) -> b.version() > a.version() ? b : a);
    }

    private static List<Long> union(Map<Long, Long> a, Map<Long, Long> b) {
        TreeMap<Long, Boolean> keys = new TreeMap<>();
        a.keySet().forEach(k -> keys.put(k, true));
        b.keySet().forEach(k -> keys.put(k, true));
        return new ArrayList<>(keys.keySet());
    }
}

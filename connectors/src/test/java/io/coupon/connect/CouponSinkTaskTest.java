package io.coupon.connect;

import static io.coupon.connect.Messages.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coupon.connect.MysqlCoupons.CouponRow;
import io.coupon.connect.TestSinkContext.CollectingReporter;
import io.coupon.contract.Topics;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The task driven as a Connect worker would, against the real MariaDB. */
class CouponSinkTaskTest {

    private static final String DB = TestDatabases.freshName();
    private static final List<String> OTHER_DBS = new ArrayList<>();

    private static MysqlCoupons mysql;

    private final CollectingReporter reporter = new CollectingReporter();
    private final TestSinkContext context = new TestSinkContext(reporter);
    private final List<CouponSinkTask> tasks = new ArrayList<>();
    private CouponSinkTask task;

    @BeforeAll
    static void openReader() throws Exception {
        CouponSchema.apply(ShardMap.single(TestDatabases.url(DB)), TestDatabases.USER, TestDatabases.PASSWORD);
        mysql = MysqlCoupons.connect(TestDatabases.url(DB), TestDatabases.USER, TestDatabases.PASSWORD);
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        mysql.close();
        TestDatabases.drop(DB);
        TestDatabases.drop(OTHER_DBS.toArray(String[]::new));
    }

    @BeforeEach
    void startTask() throws Exception {
        mysql.truncateAll();
        task = start(Map.of(CouponSinkConfig.MYSQL_URL, TestDatabases.url(DB)));
    }

    @AfterEach
    void stopTasks() {
        tasks.forEach(CouponSinkTask::stop);
    }

    @Test
    void theExperimentVariantLandsInTheCouponsRowAndStaysThroughLaterEvents() throws Exception {
        Map<String, Object> granted = Messages.eventFields("GRANTED", "9-1", 21, 9, "UNUSED", 1, T0, null);
        granted.put("variant", "B");
        put(List.of(Messages.event(granted)));
        put(List.of(Messages.locked("9-1", 21, 9, T0.plusSeconds(1), "O-1")));

        assertEquals(List.of("B LOCKED"), TestDatabases.rows(DB, "SELECT CONCAT(variant, ' ', status) FROM "
                + ShardRouter.table(ShardRouter.shardOf(21)) + " WHERE coupon_id = '9-1'"));
    }

    @Test
    void grantsLandAsOneRowPerCouponInTheUsersShard() throws Exception {
        List<SinkRecord> grants = new ArrayList<>();
        for (long user = -3; user <= 40; user++) {
            grants.add(Messages.granted("7-" + (user + 4), user, 7, T0));
        }
        put(grants);

        long total = 0;
        for (int shard : ShardRouter.allShards()) {
            for (String row : TestDatabases.rows(DB, "SELECT user_id FROM " + ShardRouter.table(shard))) {
                assertEquals(shard, ShardRouter.shardOf(Long.parseLong(row)), "user " + row + " in shard " + shard);
                total++;
            }
        }
        assertEquals(grants.size(), total);
        assertEquals(Map.of(7L, (long) grants.size()), mysql.countsByTemplate());
        CouponRow negative = mysql.coupon("7-1", -3).orElseThrow();
        assertEquals("UNUSED", negative.status());
        assertEquals(1, negative.version());
        assertEquals(13, negative.shard());
        assertEquals(T0, negative.acquireTime());
        assertTrue(reporter.reported.isEmpty());
    }

    @Test
    void replayingTheSameRecordsChangesNothing() throws Exception {
        List<SinkRecord> records = new ArrayList<>();
        for (long user = 1; user <= 20; user++) {
            String coupon = "8-" + user;
            records.add(Messages.granted(coupon, user, 8, T0));
            if (user % 2 == 0) {
                records.add(Messages.locked(coupon, user, 8, T0.plusSeconds(5), "o-" + user));
            }
            if (user % 4 == 0) {
                records.add(Messages.used(coupon, user, 8, T0.plusSeconds(9), "o-" + user));
            }
        }
        records.add(Messages.template(Messages.templateFields(8, "eight", "5.00"), T0.toEpochMilli()));
        put(records);
        List<String> before = everything();

        put(records);
        for (SinkRecord r : records) {
            put(List.of(r));
        }
        assertEquals(before, everything());
        assertEquals(Map.of(8L, 20L), mysql.countsByTemplate());
    }

    @Test
    void laterVersionsInLaterBatchesMoveTheCouponForward() throws Exception {
        put(List.of(Messages.granted("17-1", 6, 17, T0)));
        put(List.of(Messages.locked("17-1", 6, 17, T0.plusSeconds(1), "o-17")));
        assertEquals("LOCKED", mysql.coupon("17-1", 6).orElseThrow().status());
        put(List.of(Messages.used("17-1", 6, 17, T0.plusSeconds(2), "o-17")));

        CouponRow row = mysql.coupon("17-1", 6).orElseThrow();
        assertEquals("USED", row.status());
        assertEquals(3, row.version());
        assertEquals("o-17", row.orderId());
        assertEquals(T0.plusSeconds(2), row.useTime());
        assertEquals(T0, row.acquireTime());
    }

    @Test
    void aLateGrantAfterUseDoesNotRegressTheCoupon() throws Exception {
        put(List.of(Messages.used("9-1", 42, 9, T0.plusSeconds(60), "o-9")));
        CouponRow used = mysql.coupon("9-1", 42).orElseThrow();
        assertEquals("USED", used.status());
        assertEquals(T0.plusSeconds(60), used.acquireTime(), "a later event's time stands in until GRANTED is seen");

        put(List.of(Messages.granted("9-1", 42, 9, T0)));
        put(List.of(Messages.locked("9-1", 42, 9, T0.plusSeconds(30), "o-9")));

        CouponRow row = mysql.coupon("9-1", 42).orElseThrow();
        assertEquals("USED", row.status());
        assertEquals(3, row.version());
        assertEquals("o-9", row.orderId());
        assertEquals(T0.plusSeconds(60), row.useTime());
        assertEquals(T0, row.acquireTime(), "the GRANTED event's time is the acquire time");
    }

    @Test
    void theHighestVersionWinsWithinOneBatch() throws Exception {
        put(List.of(
                Messages.locked("10-1", 3, 10, T0.plusSeconds(2), "o-1"),
                Messages.used("10-1", 3, 10, T0.plusSeconds(3), "o-1"),
                Messages.granted("10-1", 3, 10, T0),
                Messages.granted("10-2", 3, 10, T0),
                Messages.cancelled("10-2", 3, 10, T0.plusSeconds(4)),
                Messages.locked("10-2", 3, 10, T0.plusSeconds(2), "o-2")));

        CouponRow first = mysql.coupon("10-1", 3).orElseThrow();
        assertEquals("USED", first.status());
        assertEquals(3, first.version());
        assertEquals(T0, first.acquireTime());
        CouponRow second = mysql.coupon("10-2", 3).orElseThrow();
        assertEquals("UNUSED", second.status());
        assertEquals(3, second.version());
        assertEquals(null, second.orderId());
        assertEquals(2, TestDatabases.count(DB, "SELECT COUNT(*) FROM coupon_03"));
    }

    @Test
    void poisonRecordsGoToTheReporterAndTheRestOfTheBatchLands() throws Exception {
        Map<String, Object> noCoupon = Messages.eventFields("GRANTED", null, 5, 11, "UNUSED", 1, T0, null);
        Map<String, Object> longOrder =
                Messages.eventFields("LOCKED", "11-9", 5, 11, "LOCKED", 2, T0, "o".repeat(65));
        Map<String, Object> unnamed = Messages.templateFields(11, " ", "3.00");
        SinkRecord garbage = Messages.record(Topics.COUPON_EVENTS, Messages.key(5),
                "{not json".getBytes(StandardCharsets.UTF_8), null);
        SinkRecord wrongKey = Messages.record(Topics.COUPON_EVENTS, Messages.key(6),
                Messages.json(Messages.eventFields("GRANTED", "11-3", 5, 11, "UNUSED", 1, T0, null)), null);
        SinkRecord badStatus = Messages.record(Topics.COUPON_EVENTS, Messages.key(5), Messages.json(
                Messages.eventFields("GRANTED", "11-4", 5, 11, "LOST", 1, T0, null)), null);
        SinkRecord elsewhere = Messages.record("some-other-topic", Messages.key(5), new byte[] {1}, null);
        List<SinkRecord> poison = List.of(garbage, Messages.event(noCoupon), wrongKey, badStatus,
                Messages.event(longOrder), Messages.template(unnamed, 1L), elsewhere);

        List<SinkRecord> batch = new ArrayList<>();
        batch.add(Messages.granted("11-1", 5, 11, T0));
        batch.addAll(poison);
        batch.add(Messages.tombstone(11));
        batch.add(Messages.granted("11-2", 21, 11, T0));
        put(batch);

        assertEquals(poison, reporter.reported.stream().map(TestSinkContext.Reported::record).toList());
        assertTrue(reporter.reported.get(0).error().getMessage().contains("unreadable"));
        assertTrue(reporter.reported.get(1).error().getMessage().contains("couponId is missing"));
        assertTrue(reporter.reported.get(2).error().getMessage().contains("is not the event's userId"));
        assertTrue(reporter.reported.get(4).error().getMessage().contains("orderId"));
        assertTrue(reporter.reported.get(5).error().getMessage().contains("name"));
        assertEquals(Map.of(11L, 2L), mysql.countsByTemplate());
        assertTrue(mysql.coupon("11-1", 5).isPresent());
        assertTrue(mysql.coupon("11-2", 21).isPresent());
        assertEquals(0, TestDatabases.count(DB, "SELECT COUNT(*) FROM coupon_template"));
    }

    @Test
    void aRowMysqlRefusesGoesToTheReporterAndTheRestOfItsShardLands() throws Exception {
        TestDatabases.execute(DB, "ALTER TABLE coupon_04 ADD CONSTRAINT refuse_order"
                + " CHECK (order_id IS NULL OR order_id <> 'refused')");
        try {
            SinkRecord refused = Messages.locked("16-2", 4, 16, T0, "refused");
            put(List.of(Messages.granted("16-1", 4, 16, T0), refused, Messages.granted("16-3", 20, 16, T0)));

            assertEquals(List.of(refused), reporter.reported.stream().map(TestSinkContext.Reported::record).toList());
            assertTrue(reporter.reported.get(0).error().getMessage().contains("MySQL refused the row"));
            assertTrue(mysql.coupon("16-1", 4).isPresent());
            assertTrue(mysql.coupon("16-3", 20).isPresent());
            assertFalse(mysql.coupon("16-2", 4).isPresent());
        } finally {
            TestDatabases.execute(DB, "ALTER TABLE coupon_04 DROP CONSTRAINT refuse_order");
        }
    }

    @Test
    void withoutAReporterPoisonIsSkippedAndTheBatchLands() throws Exception {
        CouponSinkTask bare = new CouponSinkTask();
        tasks.add(bare);
        bare.initialize(new TestSinkContext(null));
        bare.start(Map.of(CouponSinkConfig.MYSQL_URL, TestDatabases.url(DB)));
        bare.put(List.of(Messages.record(Topics.COUPON_EVENTS, Messages.key(5), new byte[] {'x'}, null),
                Messages.granted("12-1", 5, 12, T0)));
        assertTrue(mysql.coupon("12-1", 5).isPresent());
    }

    @Test
    void templatesUpsertByIdAndMoveUpdatedAtOnlyWhenTheyChange() throws Exception {
        put(List.of(Messages.template(Messages.templateFields(13, "first", "10.00"), 1_000)));
        Map<String, Object> renamed = Messages.templateFields(13, "second", "12.50");
        renamed.put("validDays", 7);
        put(List.of(Messages.template(renamed, 2_000)));
        put(List.of(Messages.template(renamed, 3_000), Messages.tombstone(13)));

        assertEquals(List.of("13|second|CASH|12.50|7|1970-01-01 00:00:02.000"), TestDatabases.rows(DB,
                "SELECT id, name, type, discount, valid_days, updated_at FROM coupon_template"));
    }

    @Test
    void templateChangesLandWithTheirCampaignFields() throws Exception {
        Map<String, Object> defined = Messages.templateFields(15, "fifteen", "5.00");
        defined.put("scope", Map.of("skus", List.of("SKU-1"), "categories", List.of()));
        defined.put("stacking", "STACKABLE");
        defined.put("stackGroup", "shop");
        put(List.of(Messages.template(defined, 1_000)));
        Map<String, Object> paused = new java.util.LinkedHashMap<>(defined);
        paused.put("campaignStatus", "PAUSED");
        paused.put("totalCount", 2000);
        paused.put("metadata", Map.of("channel", "app"));
        put(List.of(Messages.template(paused, 2_000)));

        assertEquals(List.of("15|2000|PAUSED|{\"channel\":\"app\"}|{\"skus\":[\"SKU-1\"],\"categories\":[]}"
                + "|STACKABLE|shop"), TestDatabases.rows(DB,
                "SELECT id, total_count, status, metadata, scope, stacking, stack_group FROM coupon_template"
                        + " WHERE id = 15"));
    }

    @Test
    void aTemplatesAudienceAndVariantsLandAsJsonAndAPatchKeepsThem() throws Exception {
        Map<String, Object> defined = Messages.templateFields(17, "seventeen", "5.00");
        defined.put("audience", Map.of("all", List.of(
                Map.of("attr", "tier", "op", "in", "value", List.of("gold", "silver")),
                Map.of("not", Map.of("attr", "stats.used30d", "op", "gte", "value", 3)))));
        defined.put("variants", List.of(Messages.variant("A", 50, null), Messages.variant("B", 50, "8.00")));
        put(List.of(Messages.template(defined, 1_000)));
        Map<String, Object> paused = new java.util.LinkedHashMap<>(defined);
        paused.put("campaignStatus", "PAUSED");
        paused.put("name", "renamed");
        put(List.of(Messages.template(paused, 2_000)));

        String audience = "{\"all\":[{\"attr\":\"tier\",\"op\":\"in\",\"value\":[\"gold\",\"silver\"]},"
                + "{\"not\":{\"attr\":\"stats.used30d\",\"op\":\"gte\",\"value\":3}}]}";
        String variants = "[{\"name\":\"A\",\"weight\":50,\"discount\":null,\"threshold\":null,\"maxDiscount\":null},"
                + "{\"name\":\"B\",\"weight\":50,\"discount\":8.00,\"threshold\":null,\"maxDiscount\":null}]";
        assertEquals(List.of("renamed|PAUSED|" + audience + "|" + variants), TestDatabases.rows(DB,
                "SELECT name, status, audience, variants FROM coupon_template WHERE id = 17"));
    }

    @Test
    void aTemplateWithoutAudienceOrVariantsLeavesBothNull() throws Exception {
        put(List.of(Messages.template(Messages.templateFields(18, "eighteen", "5.00"), 1_000)));

        assertEquals(List.of("1"), TestDatabases.rows(DB,
                "SELECT COUNT(*) FROM coupon_template WHERE id = 18 AND audience IS NULL AND variants IS NULL"));
    }

    @Test
    void refundedCouponsAreUnusedAgainWithoutTheirOrder() throws Exception {
        put(List.of(Messages.granted("16-1", 9, 16, T0), Messages.used("16-1", 9, 16, T0.plusSeconds(60), "O-16"),
                Messages.event(Messages.eventFields("REFUNDED", "16-1", 9, 16, "UNUSED", 4, T0.plusSeconds(120),
                        null))));

        assertEquals(List.of("UNUSED|null|null|4"), TestDatabases.rows(DB,
                "SELECT status, order_id, use_time, version FROM coupon_09 WHERE coupon_id = '16-1'"));
    }

    @Test
    void theShardMapSendsEachShardToItsServer() throws Exception {
        String a = TestDatabases.freshName();
        String b = TestDatabases.freshName();
        OTHER_DBS.add(a);
        OTHER_DBS.add(b);
        String urlA = TestDatabases.url(a);
        String urlB = TestDatabases.url(b);
        String map = "0-7=" + urlA + ";8-15=" + urlB;
        CouponSinkTask mapped = start(Map.of(CouponSinkConfig.MYSQL_URL, urlA, CouponSinkConfig.MYSQL_SHARD_MAP, map));

        mapped.put(List.of(Messages.granted("14-1", 3, 14, T0), Messages.granted("14-2", 12, 14, T0),
                Messages.granted("14-3", 28, 14, T0),
                Messages.template(Messages.templateFields(14, "fourteen", "1.00"), 1)));

        assertEquals(1, TestDatabases.count(a, "SELECT COUNT(*) FROM coupon_03"));
        assertEquals(2, TestDatabases.count(b, "SELECT COUNT(*) FROM coupon_12"));
        assertFalse(TestDatabases.tableExists(a, "coupon_12"));
        assertFalse(TestDatabases.tableExists(b, "coupon_03"));
        assertTrue(TestDatabases.tableExists(a, CouponSchema.TEMPLATE_TABLE));
        assertFalse(TestDatabases.tableExists(b, CouponSchema.TEMPLATE_TABLE));
        assertEquals(1, TestDatabases.count(a, "SELECT COUNT(*) FROM coupon_template"));
        try (MysqlCoupons both = new MysqlCoupons(ShardMap.parse(map, urlA), "root", "")) {
            assertEquals(Map.of(14L, 3L), both.countsByTemplate());
            assertEquals("UNUSED", both.coupon("14-2", 12).orElseThrow().status());
        }
    }

    @Test
    void anUnreachableMysqlMakesConnectRetryTheBatch() {
        CouponSinkTask away = start(Map.of(CouponSinkConfig.MYSQL_URL, "jdbc:mariadb://127.0.0.1:1/coupon"));
        assertThrows(RetriableException.class, () -> away.put(List.of(Messages.granted("15-1", 1, 15, T0))));
        assertEquals(CouponSinkTask.RETRY_BACKOFF_MS, context.timeoutMs);
        assertTrue(reporter.reported.isEmpty());
    }

    private CouponSinkTask start(Map<String, String> props) {
        CouponSinkTask started = new CouponSinkTask();
        tasks.add(started);
        started.initialize(context);
        started.start(new HashMap<>(props));
        return started;
    }

    private void put(List<SinkRecord> records) {
        task.put(records);
        task.flush(Map.of());
    }

    /** Every row of every table, in a stable order. */
    private static List<String> everything() throws Exception {
        List<String> all = new ArrayList<>();
        for (int shard : ShardRouter.allShards()) {
            all.addAll(TestDatabases.rows(DB, "SELECT * FROM " + ShardRouter.table(shard) + " ORDER BY coupon_id"));
        }
        all.addAll(TestDatabases.rows(DB, "SELECT * FROM coupon_template ORDER BY id"));
        return all;
    }
}

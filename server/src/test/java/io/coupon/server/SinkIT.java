package io.coupon.server;

import io.coupon.contract.config.KafkaConnection;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.coupon.connect.CouponSchema;
import io.coupon.connect.MysqlCoupons;
import io.coupon.connect.ShardMap;
import io.coupon.connect.ShardRouter;
import io.coupon.contract.Topics;
import io.coupon.contract.config.MysqlSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The way out to MySQL, end to end: claims over HTTP, the stream's coupon-events, the sink connector in a real
 * Connect worker, the real MariaDB sharded 16 ways. Its own database, so it never sees another test's rows.
 */
class SinkIT {

    private static final String DATABASE = "coupon_sink_it_" + UUID.randomUUID().toString().replace("-", "");
    private static final String SERVER_URL = "jdbc:mariadb://127.0.0.1:3306/";

    @TempDir
    static Path dataDir;

    private static Api api;
    private static MysqlSettings mysql;
    private static EmbeddedConnectWorker worker;
    private static MysqlCoupons rows;

    @BeforeAll
    static void start() throws Exception {
        api = TestCluster.api();
        mysql = new MysqlSettings(SERVER_URL + DATABASE, "root", "", null, true, FreePorts.next());
        worker = startWorker();
        rows = MysqlCoupons.connect(mysql.url(), "root", "");
        // the sink applies the (idempotent) schema with its first batch; applied up front, no test that polls the
        // shards before that batch has landed can meet a missing table, whichever test runs first
        CouponSchema.apply(ShardMap.single(mysql.url()), "root", "");
    }

    @AfterAll
    static void stop() throws Exception {
        if (worker != null) {
            worker.close();
        }
        if (rows != null) {
            rows.close();
        }
        try (Connection c = DriverManager.getConnection(SERVER_URL, "root", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    @Test
    void everyGrantedCouponOfAFlashSaleIsOneRowInItsUsersShard() throws Exception {
        long template = api.createTemplate(50, 1);
        List<String> granted = claimConcurrently(template, 60, 2);

        assertEquals(50, granted.size());
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> rows.countOfTemplate(template) == 50);
        for (String couponId : granted) {
            long user = userOf(couponId, template);
            MysqlCoupons.CouponRow row = rows.coupon(couponId, user).orElseThrow();
            assertEquals(ShardRouter.shardOf(user), row.shard());
            assertEquals("UNUSED", row.status());
        }
    }

    @Test
    void aScopedCartThroughTryConfirmAndRefundAgreesInTheWalletAndMysql() throws Exception {
        long user = Api.freshId();
        long shoes = Api.freshId();
        long platform = Api.freshId();
        api.createTemplate(Campaigns.stackable(Campaigns.scoped(Campaigns.cash(shoes, "30.00", 10), List.of(),
                List.of("shoes")), "shop"));
        api.createTemplate(Campaigns.stackable(Campaigns.cash(platform, "5.00", 10), "platform"));
        List<String> coupons = List.of(Campaigns.grant(api, shoes, user), Campaigns.grant(api, platform, user));
        String order = "O-sink-" + user;
        String userBody = "{\"userId\": " + user + "}";

        assertEquals(201, api.post("/v1/redemptions", Api.json(Map.of("orderId", order, "userId", user,
                "couponIds", coupons, "items", List.of(Campaigns.item("SKU-1", "shoes", "80.00", 1))))).status());
        awaitAgreement(user, coupons, "LOCKED", 2);
        assertEquals(200, api.post("/v1/redemptions/" + order + "/confirm", userBody).status());
        awaitAgreement(user, coupons, "USED", 3);
        assertEquals(200, api.post("/v1/redemptions/" + order + "/refund", userBody).status());
        awaitAgreement(user, coupons, "UNUSED", 4);
    }

    @Test
    void aTemplatePatchReachesCouponTemplate() throws Exception {
        long template = api.createTemplate(10, 1);
        assertEquals(200, Campaigns.patch(api, template, "{\"status\": \"PAUSED\", \"totalCount\": 12,"
                + " \"metadata\": {\"channel\": \"app\"}}").status());

        await().atMost(Duration.ofSeconds(60)).until(() -> templateRow(template)
                .equals(Optional.of("PAUSED|12|{\"channel\":\"app\"}")));
    }

    @Test
    void aTemplatesAudienceAndVariantsReachCouponTemplateAndSurviveAPatch() throws Exception {
        long template = Api.freshId();
        Map<String, Object> fields = Campaigns.cash(template, "5.00", 10);
        fields.put("audience", Map.of("attr", "tier", "op", "in", "value", List.of("gold", "silver")));
        fields.put("variants", List.of(Map.of("name", "A", "weight", 50), Map.of("name", "B", "weight", 50,
                "discount", new java.math.BigDecimal("8.00"))));
        api.createTemplate(fields);
        assertEquals(200, Campaigns.patch(api, template, "{\"status\": \"PAUSED\"}").status());

        String audience = "{\"attr\":\"tier\",\"op\":\"in\",\"value\":[\"gold\",\"silver\"]}";
        await().atMost(Duration.ofSeconds(60)).until(() -> marketingRow(template).equals(Optional.of("PAUSED|"
                + audience + "|[{\"name\":\"A\",\"weight\":50,\"discount\":null,\"threshold\":null,"
                + "\"maxDiscount\":null},{\"name\":\"B\",\"weight\":50,\"discount\":8.00,\"threshold\":null,"
                + "\"maxDiscount\":null}]")));
    }

    /** The wallet and the user's shard both show every coupon in {@code status} at {@code version}. */
    private static void awaitAgreement(long user, List<String> coupons, String status, long version) {
        for (JsonNode coupon : api.wallet(user)) {
            if (coupons.contains(coupon.get("couponId").asText())) {
                assertEquals(status, coupon.get("status").asText(), coupon.toString());
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (String couponId : coupons) {
                Optional<MysqlCoupons.CouponRow> row = rows.coupon(couponId, user);
                if (row.isEmpty() || !row.get().status().equals(status) || row.get().version() != version) {
                    return false;
                }
            }
            return true;
        });
    }

    private static Optional<String> templateRow(long template) throws Exception {
        try (Connection c = DriverManager.getConnection(mysql.url(), "root", "");
             Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery(
                     "SELECT status, total_count, metadata FROM coupon_template WHERE id = " + template)) {
            return r.next() ? Optional.of(r.getString(1) + "|" + r.getLong(2) + "|" + r.getString(3))
                    : Optional.empty();
        }
    }

    private static Optional<String> marketingRow(long template) throws Exception {
        try (Connection c = DriverManager.getConnection(mysql.url(), "root", "");
             Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery(
                     "SELECT status, audience, variants FROM coupon_template WHERE id = " + template)) {
            return r.next() ? Optional.of(r.getString(1) + "|" + r.getString(2) + "|" + r.getString(3))
                    : Optional.empty();
        }
    }

    @Test
    void aRestartedWorkerResumesWithNothingLostAndNothingTwice() throws Exception {
        long template = api.createTemplate(40, 1);
        List<String> granted = new ArrayList<>(claimConcurrently(template, 20, 1));
        // The worker creates the shard tables itself: until it has, reading them fails, which is not yet an answer.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> rows.countOfTemplate(template) > 0);

        worker.close();
        granted.addAll(claimConcurrently(template, 20, 1));
        worker = startWorker();

        assertEquals(40, granted.size());
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> rows.countOfTemplate(template) == 40);
        for (String couponId : granted) {
            assertTrue(rows.coupon(couponId, userOf(couponId, template)).isPresent(), couponId);
        }
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndLaterRecordsStillLand() throws Exception {
        byte[] poison = ("not json " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestCluster.bootstrapServers()), new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.COUPON_EVENTS, poison)).get();
        }
        long template = api.createTemplate(1, 1);
        String sentinel = claimConcurrently(template, 1, 1).get(0);

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> rows.countOfTemplate(template) == 1);
        assertTrue(rows.coupon(sentinel, userOf(sentinel, template)).isPresent());
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetters().stream().anyMatch(v -> java.util.Arrays.equals(v, poison)));
    }

    @Test
    void reconcileAgreesAndThenReportsATamperedRow() throws Exception {
        long template = api.createTemplate(5, 1);
        List<String> granted = claimConcurrently(template, 5, 1);
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> rows.countOfTemplate(template) == 5);
        await().atMost(Duration.ofSeconds(60)).until(() -> reconcileOf(template).isEmpty());

        String tampered = granted.get(0);
        int shard = ShardRouter.shardOf(userOf(tampered, template));
        try (Connection c = DriverManager.getConnection(mysql.url(), "root", "");
             Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + ShardRouter.table(shard) + " SET status = 'USED' WHERE coupon_id = '"
                    + tampered + "'");
        }

        List<String> differences = reconcileOf(template);
        assertEquals(1, differences.size(), differences::toString);
        assertTrue(differences.get(0).contains(tampered), differences::toString);
    }

    /**
     * The differences about one template's coupons: other tests' coupons may be moving (a lock timing out)
     * between the moment reconcile reads Kafka and the moment it reads MySQL.
     */
    private static List<String> reconcileOf(long template) throws Exception {
        return reconcile().stream().filter(d -> d.contains("coupon " + template + "-")).toList();
    }

    private static List<String> reconcile() throws Exception {
        return new Reconciler(KafkaConnection.plain(TestCluster.bootstrapServers()), mysql, Duration.ZERO,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).run();
    }

    /** Users claim concurrently; returns the coupon ids granted, remembering who holds each. */
    private static List<String> claimConcurrently(long template, int users, int claimsEach) {
        long first = Api.freshId();
        for (int i = 1; i < users; i++) {
            Api.freshId();
        }
        List<CompletableFuture<Api.Response>> inFlight = new ArrayList<>();
        for (int round = 0; round < claimsEach; round++) {
            for (int i = 0; i < users; i++) {
                inFlight.add(api.postAsync("/v1/templates/" + template + "/claims",
                        "{\"userId\": " + (first + i) + "}"));
            }
        }
        List<String> granted = new ArrayList<>();
        for (CompletableFuture<Api.Response> answer : inFlight) {
            Api.Response decided = api.decidedClaim(answer.join());
            if (decided.body().path("status").asText().equals("GRANTED")) {
                granted.add(decided.body().get("couponId").asText());
                HOLDERS.put(decided.body().get("couponId").asText(), decided.body().get("userId").asLong());
            }
        }
        return granted;
    }

    private static final Map<String, Long> HOLDERS = new java.util.concurrent.ConcurrentHashMap<>();

    private static long userOf(String couponId, long template) {
        return Optional.ofNullable(HOLDERS.get(couponId)).orElseThrow(() -> new AssertionError(couponId));
    }

    private static List<byte[]> deadLetters() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestCluster.bootstrapServers());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<byte[]> values = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<org.apache.kafka.common.TopicPartition> partitions = consumer
                    .partitionsFor(Topics.SINK_DEAD_LETTERS, Duration.ofSeconds(5)).stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(i.topic(), i.partition())).toList();
            if (partitions.isEmpty()) {
                return values;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofSeconds(2))) {
                values.add(r.value());
            }
        }
        return values;
    }

    private static EmbeddedConnectWorker startWorker() throws Exception {
        return new EmbeddedConnectWorker(KafkaConnection.plain(TestCluster.bootstrapServers()), dataDir, mysql, 1).start();
    }
}

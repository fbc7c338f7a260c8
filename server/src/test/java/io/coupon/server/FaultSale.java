package io.coupon.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.coupon.contract.config.KafkaConnection;
import io.coupon.contract.config.MysqlSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * A flash sale against a {@link LocalCluster} whose processes a fault test kills, and the invariants that must hold
 * afterwards whatever was killed: exactly the stock granted, nobody over the limit, every 201 in its wallet and in
 * MySQL once, no coupon id twice.
 */
final class FaultSale implements AutoCloseable {

    private final LocalCluster cluster;
    private final ResilientClient anyInstance;
    private final String database;
    private final int stock;
    private final int users;
    private final int clients;
    private final AtomicInteger userIds = new AtomicInteger(1_000);

    /**
     * @param database the sink's MySQL database
     * @param stock    units of each sale's template; twice as many users ask, each twice
     */
    private FaultSale(LocalCluster cluster, ResilientClient anyInstance, String database, int stock, int clients) {
        this.cluster = cluster;
        this.anyInstance = anyInstance;
        this.database = database;
        this.stock = stock;
        this.users = stock * 2;
        this.clients = clients;
    }

    static final String MYSQL = "jdbc:mariadb://127.0.0.1:3306/";

    /**
     * The processes of a fault suite's cluster: one API instance and the sink always, the rest as the suite needs.
     *
     * @param jvmOptions of every process: small heaps and the quick compiler when many JVMs share two cores
     */
    record Shape(int brokers, int streams, int partitions, List<String> jvmOptions) {
    }

    /**
     * Starts a cluster of {@code shape} on free ports, its processes running with {@link #environment} and its sink
     * writing to a database of the suite's own, and returns its sales; closing them stops the cluster and drops
     * the database.
     */
    static FaultSale start(String suite, Shape shape, int stock, int clients) throws Exception {
        Path jar = Path.of(System.getProperty("coupon.server.jar", "target/coupon-server.jar")).toAbsolutePath();
        String database = suite.replace('-', '_') + "_" + UUID.randomUUID().toString().substring(0, 8);
        // The API instance and then the stream instances take consecutive HTTP ports from here.
        int firstHttpPort = FreePorts.block(1 + shape.streams());
        // Broker i listens on base + 2i, its controller on base + 2i + 1.
        int kafkaPorts = FreePorts.block(2 * shape.brokers());
        LocalCluster.Layout layout = new LocalCluster.Layout(jar, Files.createTempDirectory(suite), shape.brokers(),
                shape.streams(), 1, true, firstHttpPort, kafkaPorts, kafkaPorts + 1, FreePorts.next(),
                shape.partitions(), 1, environment(suite, database), shape.jvmOptions());
        LocalCluster cluster = new LocalCluster(layout).start();
        ResilientClient anyInstance = new ResilientClient(cluster.instances().stream().map(LocalCluster::url)
                .toList());
        return new FaultSale(cluster, anyInstance, database, stock, clients);
    }

    LocalCluster cluster() {
        return cluster;
    }

    /** A client that moves on to the next instance when one does not answer. */
    ResilientClient anyInstance() {
        return anyInstance;
    }

    @Override
    public void close() throws Exception {
        try {
            cluster.close();
        } finally {
            dropDatabase(database);
        }
    }

    /**
     * What every process of a fault suite's cluster runs with: no rate limits (the sale is the load), a short
     * session timeout so a killed stream instance's partitions move on quickly, small stores, a fresh application
     * and the suite's own MySQL database.
     */
    private static Map<String, String> environment(String suite, String database) {
        Map<String, String> env = new HashMap<>();
        env.put("COUPON_RATE_LIMIT_PER_USER", "0");
        env.put("COUPON_RATE_LIMIT_GLOBAL", "0");
        env.put("COUPON_CLAIM_WAIT", "3s");
        env.put("COUPON_SESSION_TIMEOUT", "6s");
        env.put("COUPON_LOCK_TIMEOUT", "10m");
        env.put("COUPON_ROCKSDB_MEMORY_MB", "64");
        env.put("COUPON_APPLICATION_ID", suite + "-" + UUID.randomUUID());
        env.put("COUPON_MYSQL_URL", MYSQL + database);
        return env;
    }

    private static void dropDatabase(String database) throws Exception {
        try (Connection c = DriverManager.getConnection(MYSQL, "root", ""); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    /** A user id no sale of this cluster has used. */
    long nextUser() {
        return userIds.incrementAndGet();
    }

    /** Every user asks twice with two keys (a double click), for a template with half as many units as users. */
    record Sale(Map<String, ResilientClient.Answer> answers, Map<Long, Set<String>> granted201) {
        Set<String> granted() {
            return granted201.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        }
    }

    interface Progress {
        void done(int requestsAnswered) throws Exception;
    }

    Sale run(long templateId, ResilientClient client, Progress progress) throws Exception {
        List<Long> buyers = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            buyers.add(nextUser());
        }
        List<String> requests = new ArrayList<>();
        for (long user : buyers) {
            requests.add(user + "/" + templateId + "-a-" + user);
            requests.add(user + "/" + templateId + "-b-" + user);
        }
        Collections.shuffle(requests);
        Map<String, ResilientClient.Answer> answers = new ConcurrentHashMap<>();
        Map<Long, Set<String>> granted = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        AtomicLong longestWait = new AtomicLong();
        long started = System.nanoTime();
        Parallel.run(requests, clients, request -> {
            String[] userAndKey = request.split("/", 2);
            long user = Long.parseLong(userAndKey[0]);
            long asked = System.nanoTime();
            ResilientClient.Answer answer = client.claim(templateId, user, userAndKey[1]);
            longestWait.accumulateAndGet(System.nanoTime() - asked, Math::max);
            answers.put(request, answer);
            if (answer.status() == 201) {
                granted.computeIfAbsent(user, u -> ConcurrentHashMap.newKeySet()).add(answer.field("couponId"));
            } else {
                assertEquals(409, answer.status(), answer.body().toString());
            }
            progress.done(done.incrementAndGet());
        });
        // For the fault suite's figures (docs/BENCHMARKS.md): what ran, and the longest a client waited for a final
        // answer across the fault, retries included.
        System.out.printf("sale of template %d: %d claims in %d s, %d granted, longest wait for a final answer %d ms%n",
                templateId, requests.size(), Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                granted.values().stream().mapToInt(Set::size).sum(), Duration.ofNanos(longestWait.get()).toMillis());
        return new Sale(answers, granted);
    }

    /** Granted == stock, nobody over the limit, every 201 in its wallet, no coupon id twice. */
    void assertInvariants(long templateId, Sale sale) {
        assertEquals(0, anyInstance.read("/v1/templates/" + templateId).get("remaining").asLong());
        Set<String> inWallets = new HashSet<>();
        int walletCoupons = 0;
        for (long user : sale.answers().keySet().stream().map(k -> Long.parseLong(k.split("/")[0]))
                .collect(Collectors.toSet())) {
            JsonNode wallet = anyInstance.read("/v1/users/" + user + "/coupons").get("coupons");
            int ofTemplate = 0;
            for (JsonNode coupon : wallet) {
                if (coupon.get("templateId").asLong() == templateId) {
                    ofTemplate++;
                    walletCoupons++;
                    assertTrue(inWallets.add(coupon.get("couponId").asText()), "coupon twice: " + coupon);
                }
            }
            assertTrue(ofTemplate <= 1, "user " + user + " over the limit: " + wallet);
            for (String couponId : sale.granted201().getOrDefault(user, Set.of())) {
                assertTrue(inWallets.contains(couponId), "a 201 coupon is missing from the wallet: " + couponId);
            }
            assertTrue(sale.granted201().getOrDefault(user, Set.of()).size() <= 1, "two 201s for user " + user);
        }
        assertEquals(stock, walletCoupons, "coupons in wallets");
        assertEquals(stock, sale.granted().size(), "distinct coupons answered 201");
    }

    void assertMysqlHoldsExactly(long templateId, Set<String> granted) {
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertEquals(granted, mysqlStatuses(templateId).keySet()));
    }

    Map<String, String> mysqlStatuses(long templateId) throws Exception {
        Map<String, String> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(MYSQL + database, "root", "");
             Statement s = c.createStatement()) {
            for (int shard = 0; shard < 16; shard++) {
                try (ResultSet r = s.executeQuery(String.format(
                        "SELECT coupon_id, status FROM coupon_%02d WHERE template_id = %d", shard, templateId))) {
                    while (r.next()) {
                        assertTrue(rows.put(r.getString(1), r.getString(2)) == null, "row twice: " + r.getString(1));
                    }
                }
            }
        } catch (java.sql.SQLSyntaxErrorException tablesNotYetCreated) {
            return Map.of();
        }
        return rows;
    }

    long createTemplate(long units) {
        long id = Api.freshId();
        String body = Api.templateJson(id, units, 1, Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(30)));
        Api api = new Api(LocalCluster.url(cluster.apis().get(0)));
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                .until(() -> api.post("/v1/templates", body).status(), s -> s == 201 || s == 409);
        return id;
    }

    /** Users holding one coupon each of their template, granted before the faults begin. */
    record Holders(long templateId, Map<Long, String> coupons) {
        int size() {
            return coupons.size();
        }
    }

    /** How each holder's order ended: {@code USED} (confirmed) or {@code CANCELLED}. */
    record Redemptions(Map<Long, String> finalStatus) {
        String expectedCouponStatus(long user) {
            return "USED".equals(finalStatus.get(user)) ? "USED" : "UNUSED";
        }
    }

    Holders grantHolders(int count) throws Exception {
        long templateId = createTemplate(count);
        Map<Long, String> coupons = new ConcurrentHashMap<>();
        List<Long> holders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            holders.add(nextUser());
        }
        Parallel.run(holders, clients, user -> {
            ResilientClient.Answer granted = anyInstance.claim(templateId, user, "hold-" + user);
            assertEquals(201, granted.status(), granted.body().toString());
            coupons.put(user, granted.field("couponId"));
        });
        return new Holders(templateId, coupons);
    }

    /** Every holder tries an order with its coupon, then confirms it (even users) or cancels it (odd ones). */
    Redemptions redeem(Holders holders, Progress progress) throws Exception {
        AtomicInteger done = new AtomicInteger();
        Map<Long, String> finalStatus = new ConcurrentHashMap<>();
        Parallel.run(new ArrayList<>(holders.coupons().keySet()), clients, user -> {
            String order = "order-" + holders.templateId() + "-" + user;
            ResilientClient.Answer locked = anyInstance.tryRedemption(order, user, holders.coupons().get(user),
                    "250.00");
            assertEquals(201, locked.status(), locked.body().toString());
            ResilientClient.Answer end = user % 2 == 0 ? anyInstance.confirm(order, user)
                    : anyInstance.cancel(order, user);
            assertEquals(200, end.status(), end.body().toString());
            finalStatus.put(user, end.field("status"));
            progress.done(done.incrementAndGet());
        });
        return new Redemptions(finalStatus);
    }

    /** Each holder still holds exactly its coupon, used or back to unused as its order ended, in MySQL too. */
    void assertRedemptionsHeld(Holders holders, Redemptions redemptions) {
        for (long user : holders.coupons().keySet()) {
            JsonNode wallet = anyInstance.read("/v1/users/" + user + "/coupons").get("coupons");
            assertEquals(1, wallet.size(), "user " + user + " holds " + wallet);
            assertEquals(redemptions.expectedCouponStatus(user), wallet.get(0).get("status").asText(), "user " + user);
        }
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, String> rows = mysqlStatuses(holders.templateId());
            for (long user : holders.coupons().keySet()) {
                assertEquals(redemptions.expectedCouponStatus(user), rows.get(holders.coupons().get(user)),
                        "MySQL row of user " + user);
            }
        });
    }

    /**
     * The offline verdict on everything the cluster committed so far, from its topics, its MySQL database and
     * the wallets; fails with the verifier's report if any promise was broken, or if it found nothing to judge.
     */
    void assertOfflineVerdictClean() throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        List<String> violations;
        try (PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8)) {
            violations = new Verifier(KafkaConnection.plain(cluster.bootstrapServers()),
                    new MysqlSettings(MYSQL + database, "root", "", null, true, 0),
                    LocalCluster.url(cluster.apis().get(0)), null, out).run();
        }
        String text = report.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        assertEquals(List.of(), violations, text);
        assertTrue(text.contains("VERDICT: every promise held") && !text.contains(" 0 claims decided"), text);
    }
}

package io.coupon.bench.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coupon.bench.BenchOptions;
import io.coupon.bench.BenchResult;
import io.coupon.bench.FlashSaleScenario;
import io.coupon.bench.NanoClock;
import io.coupon.bench.SteadyScenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The baseline against the real Redis (127.0.0.1:6379) and MariaDB (127.0.0.1:3306) of this machine: many
 * concurrent claims never oversell, never put a user over the limit, and every 201 is a row in a shard.
 */
class BaselineServerIT {

    static final String DATABASE = "coupon_baseline_it";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static BaselineServer server;
    private static String url;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        server = BaselineServer.start(BaselineSettings.parse("--port", "0", "--database", DATABASE, "--key-prefix",
                "baseline-it-" + UUID.randomUUID() + ":", "--http-threads", "16", "--db-pool", "4"));
        url = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static long createTemplate(long stock, int perUserLimit) throws Exception {
        Instant now = Instant.now();
        HttpResponse<String> created = post("/v1/templates", String.format("{\"name\": \"it\", \"type\": \"THRESHOLD\","
                + " \"discount\": 20.00, \"threshold\": 200.00, \"totalCount\": %d, \"perUserLimit\": %d,"
                + " \"startTime\": \"%s\", \"endTime\": \"%s\", \"validDays\": 7}", stock, perUserLimit,
                now.minusSeconds(60), now.plus(Duration.ofDays(1))));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode body = JSON.readTree(created.body());
        assertEquals(stock, body.get("remaining").asLong());
        return body.get("id").asLong();
    }

    @Test
    void grantsExactlyTheStockUnderConcurrentClaimsAndKeepsEveryUserWithinTheLimit() throws Exception {
        long template = createTemplate(50, 2);
        // 40 users x 10 claims each: up to 80 could be granted by the limit alone, but only 50 units exist.
        ExecutorService pool = Executors.newFixedThreadPool(32);
        List<CompletableFuture<HttpResponse<String>>> claims = new ArrayList<>();
        try {
            for (int round = 0; round < 10; round++) {
                for (long user = 1; user <= 40; user++) {
                    long u = user;
                    claims.add(CompletableFuture.supplyAsync(() -> {
                        try {
                            return post("/v1/templates/" + template + "/claims", "{\"userId\": " + u + "}");
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }, pool));
                }
            }
            Map<String, Integer> outcomes = new HashMap<>();
            Map<Long, Integer> grantsPerUser = new HashMap<>();
            for (CompletableFuture<HttpResponse<String>> claim : claims) {
                HttpResponse<String> answer = claim.join();
                JsonNode body = JSON.readTree(answer.body());
                outcomes.merge(answer.statusCode() + " " + body.get("status").asText(), 1, Integer::sum);
                if (answer.statusCode() == 201) {
                    assertTrue(body.get("couponId").asText().startsWith(template + "-"));
                    grantsPerUser.merge(body.get("userId").asLong(), 1, Integer::sum);
                }
            }
            assertEquals(50, outcomes.get("201 GRANTED"), outcomes.toString());
            assertEquals(400, outcomes.values().stream().mapToInt(Integer::intValue).sum());
            assertTrue(grantsPerUser.values().stream().allMatch(n -> n <= 2), grantsPerUser.toString());
        } finally {
            pool.shutdownNow();
        }

        assertEquals(50, rowsInShards(template), "one coupon_record row per 201");
        JsonNode view = JSON.readTree(CLIENT.send(HttpRequest.newBuilder(URI.create(url + "/v1/templates/" + template))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        assertEquals(0, view.get("remaining").asLong());
        assertEquals("SOLD_OUT", view.get("status").asText());
        assertEquals(0, view.get("redisStock").asLong(), "every DECR below zero was given back");
        for (long user = 1; user <= 40; user++) {
            assertTrue(userRows(template, user) <= 2, "user " + user);
        }
    }

    @Test
    void answersTheContractsCodesForSoldOutLimitUnknownAndBadInput() throws Exception {
        long template = createTemplate(2, 1);
        assertEquals(201, post("/v1/templates/" + template + "/claims", "{\"userId\": 1}").statusCode());
        HttpResponse<String> again = post("/v1/templates/" + template + "/claims", "{\"userId\": 1}");
        assertEquals(409, again.statusCode());
        assertEquals("LIMIT_EXCEEDED", JSON.readTree(again.body()).get("status").asText());
        assertEquals(201, post("/v1/templates/" + template + "/claims", "{\"userId\": 2}").statusCode(),
                "the unit the limit took back is there for the next user");
        HttpResponse<String> soldOut = post("/v1/templates/" + template + "/claims", "{\"userId\": 3}");
        assertEquals(409, soldOut.statusCode());
        assertEquals("SOLD_OUT", JSON.readTree(soldOut.body()).get("status").asText());
        assertEquals(404, post("/v1/templates/" + (template + 1) + "/claims", "{\"userId\": 2}").statusCode());
        assertEquals(400, post("/v1/templates/" + template + "/claims", "{\"userId\": \"2\"}").statusCode());
        assertEquals(400, post("/v1/templates/" + template + "/claims", "{not json").statusCode());
        assertFalse(JSON.readTree(post("/v1/templates", "{}").body()).get("message").asText().isEmpty());
    }

    @Test
    void answersAPathOrIdThatNamesNothingWith404InTheErrorEnvelope() throws Exception {
        for (String path : new String[] {"/v1/nothing", "/v1/templates/abc/claims", "/v1/templates/99999999999999999999"
                + "/claims"}) {
            HttpResponse<String> answer = post(path, "{\"userId\": 1}");

            assertEquals(404, answer.statusCode(), path);
            assertEquals("NOT_FOUND", JSON.readTree(answer.body()).get("error").asText(), path);
        }
    }

    @Test
    void theGeneratorsFlashSaleSellsOutTheBaselineWithoutOversellingAndTheSteadyMixRuns() throws Exception {
        BenchResult sale = new FlashSaleScenario(NanoClock.system(), 7).run(BenchOptions.parse("flash-sale",
                "--stock", "50", "--users", "1000", "--rate", "100", "--duration", "2s", "--url", url,
                "--system", "baseline"));
        assertEquals(200, sale.stats().answered(), sale.summaryText());
        assertFalse(sale.failedCheck(), sale.checks().toString());
        assertEquals(true, sale.checks().get("soldOut"), sale.checks().toString());
        assertEquals(50L, sale.checks().get("granted201"));

        BenchResult steady = new SteadyScenario(NanoClock.system(), 7).run(BenchOptions.parse("steady",
                "--stock", "1000", "--users", "50", "--rate", "100", "--duration", "2s", "--templates", "3",
                "--url", url, "--system", "baseline"));
        assertEquals(200, steady.stats().answered(), steady.summaryText());
        assertFalse(steady.failedCheck(), steady.checks().toString());
        assertTrue(steady.stats().outcomes().keySet().stream().anyMatch(k -> k.startsWith("wallet 200")),
                steady.stats().outcomes().toString());
        assertTrue(steady.stats().outcomes().keySet().stream().anyMatch(k -> k.equals("redeem 201 LOCKED, 200 USED")),
                steady.stats().outcomes().toString());
    }

    private static long rowsInShards(long template) throws Exception {
        long rows = 0;
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + DATABASE, "root", "")) {
            for (int shard = 0; shard < ShardedMysql.SHARDS; shard++) {
                try (PreparedStatement ps = c.prepareStatement(String.format(
                        "SELECT COUNT(*) FROM coupon_record_%02d WHERE template_id = ?", shard))) {
                    ps.setLong(1, template);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        rows += rs.getLong(1);
                    }
                }
            }
        }
        return rows;
    }

    private static long userRows(long template, long user) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:3306/" + DATABASE, "root", "");
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + ShardedMysql.table(user)
                     + " WHERE template_id = ? AND user_id = ?")) {
            ps.setLong(1, template);
            ps.setLong(2, user);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}

package io.coupon.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The all-in-one answers each claim as it decides it, before its transaction commits. Killed with SIGKILL in
 * the middle of a flash sale and started again on the same data folder, it must keep every answer it gave: every
 * 201's coupon in its wallet, every key answering as it first did, exactly the stock granted, nobody twice.
 */
@Tag("fault")
class AllInOneCrashIT {

    private static final int STOCK = 100;
    private static final int USERS = STOCK * 2;
    private static final int CLIENTS = 16;

    @TempDir
    static Path dataDir;
    private static ChildProcess server;
    private static ResilientClient client;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        Path jar = Path.of(System.getProperty("coupon.server.jar", "target/coupon-server.jar")).toAbsolutePath();
        Map<String, String> env = TestCluster.ownBrokerEnv(dataDir.resolve("data"));
        env.put("COUPON_RATE_LIMIT_PER_USER", "0");
        env.put("COUPON_RATE_LIMIT_GLOBAL", "0");
        env.put("COUPON_WARM_UP_CLAIMS", "0");
        env.put("COUPON_CONNECT_PORT", String.valueOf(FreePorts.next()));
        server = new ChildProcess("all-in-one",
                ChildProcess.javaCommand(jar, List.of("-Xmx512m", "-XX:TieredStopAtLevel=1",
                        // The coordinator's markers after the restart (see UnmarkedTransactions).
                        "-Dorg.slf4j.simpleLogger.log.kafka.coordinator.transaction=info"), List.of()),
                // Kept under target/ after the run: what the process did around the kill is the evidence.
                env, Path.of("target", "fault-logs", "all-in-one-" + Instant.now().toEpochMilli() + ".log")).start();
        api = Api.at(env);
        client = new ResilientClient(List.of(api.baseUrl()));
        // The port opens only once the child has started.
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> api.get("/health").status() == 200);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.stop(30);
        }
    }

    @Test
    void aFlashSaleKeepsEveryAnswerWhenTheAllInOneIsKilledAndRestarted() throws Exception {
        long templateId = Api.freshId();
        assertEquals(201, api.post("/v1/templates", Api.templateJson(templateId, STOCK, 1,
                Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(30)))).status());
        List<String> requests = new ArrayList<>();
        for (long user = 1; user <= USERS; user++) {
            requests.add(user + "/" + templateId + "-a-" + user);
            requests.add(user + "/" + templateId + "-b-" + user);
        }
        Collections.shuffle(requests);
        Map<String, ResilientClient.Answer> answers = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();

        // Killed while most of the stock is still to be granted, with answers out whose transaction is open.
        Parallel.run(requests, CLIENTS, request -> {
            String[] userAndKey = request.split("/", 2);
            answers.put(request, client.claim(templateId, Long.parseLong(userAndKey[0]), userAndKey[1]));
            if (done.incrementAndGet() == STOCK / 2) {
                server.kill();
                server.start();
            }
        });

        Map<Long, Set<String>> granted = new HashMap<>();
        answers.forEach((request, answer) -> {
            if (answer.status() == 201) {
                granted.computeIfAbsent(Long.parseLong(request.split("/")[0]), u -> new HashSet<>())
                        .add(answer.field("couponId"));
            } else {
                assertEquals(409, answer.status(), answer.body().toString());
            }
        });
        assertEquals(0, client.read("/v1/templates/" + templateId).get("remaining").asLong());
        Set<String> inWallets = new HashSet<>();
        for (long user = 1; user <= USERS; user++) {
            Set<String> ofTemplate = new HashSet<>();
            for (JsonNode coupon : client.read("/v1/users/" + user + "/coupons").get("coupons")) {
                if (coupon.get("templateId").asLong() == templateId) {
                    ofTemplate.add(coupon.get("couponId").asText());
                    assertTrue(inWallets.add(coupon.get("couponId").asText()), "coupon twice: " + coupon);
                }
            }
            assertTrue(ofTemplate.size() <= 1, "user " + user + " over the limit: " + ofTemplate);
            assertEquals(granted.getOrDefault(user, Set.of()), ofTemplate, "user " + user + ": 201s against wallet");
        }
        assertEquals(STOCK, inWallets.size(), "coupons in wallets");
        // Every key asked again answers exactly as it first did.
        Parallel.run(new ArrayList<>(answers.keySet()), CLIENTS, request -> {
            String[] userAndKey = request.split("/", 2);
            ResilientClient.Answer first = answers.get(request);
            ResilientClient.Answer again = client.claim(templateId, Long.parseLong(userAndKey[0]), userAndKey[1]);
            assertEquals(first.field("status"), again.field("status"), request);
            assertEquals(first.field("couponId"), again.field("couponId"), request);
        });
    }
}

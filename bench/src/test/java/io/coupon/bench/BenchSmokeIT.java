package io.coupon.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coupon.contract.config.CouponConfig;
import io.coupon.server.CouponServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator against the real server in this JVM (embedded broker, its own data folder): a short, slow
 * flash sale that must finish, never oversell and write a complete summary. Nothing here is about speed.
 */
class BenchSmokeIT {

    private static CouponServer server;
    private static String url;

    @BeforeAll
    static void startServer() throws Exception {
        // A port found free can be taken by an outgoing connection (same ephemeral range) before the server
        // binds it, the broker's start-up makes many; a fresh set of ports then is the remedy.
        for (int attempt = 1; server == null; attempt++) {
            try {
                server = startOnFreePorts();
            } catch (Exception bindRace) {
                if (attempt == 3) {
                    throw bindRace;
                }
            }
        }

        HttpClient client = HttpClient.newHttpClient();
        HttpRequest health = HttpRequest.newBuilder(URI.create(url + "/health")).timeout(Duration.ofSeconds(5)).build();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    }

    private static CouponServer startOnFreePorts() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("COUPON_HTTP_HOST", "127.0.0.1");
        env.put("COUPON_HTTP_PORT", String.valueOf(freePort()));
        env.put("COUPON_EMBEDDED_KAFKA_PORT", String.valueOf(freePort()));
        env.put("COUPON_EMBEDDED_CONTROLLER_PORT", String.valueOf(freePort()));
        env.put("COUPON_DATA_DIR", Files.createTempDirectory("coupon-bench-it").toString());
        env.put("COUPON_PARTITIONS", "2");
        env.put("COUPON_APPLICATION_ID", "coupon-bench-it-" + UUID.randomUUID());
        env.put("COUPON_SINK_ENABLED", "false");
        env.put("COUPON_RATE_LIMIT_PER_USER", "0");
        CouponConfig config = CouponConfig.fromEnv(env);
        url = "http://127.0.0.1:" + config.http().port();
        return new CouponServer(config, Clock.systemUTC()).start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void runsAShortFlashSaleWithoutOversellingAndWritesTheSummary() throws Exception {
        BenchOptions options = BenchOptions.parse("flash-sale", "--stock", "100", "--users", "1000", "--rate", "200",
                "--duration", "3s", "--url", url);

        BenchResult result = new FlashSaleScenario(NanoClock.system(), 42).run(options);
        System.out.print(result.summaryText());

        RunStats stats = result.stats();
        assertTrue(stats.drained(), "every request finished");
        assertEquals(600, stats.scheduled());
        assertEquals(600, stats.sent());
        assertEquals(600, stats.answered() + stats.failed());
        assertEquals(false, result.checks().get("oversold"), result.checks().toString());
        assertEquals(false, result.checks().get("lostGrants"), result.checks().toString());
        long granted = (Long) result.checks().get("granted201");
        assertTrue(granted <= 100, "granted " + granted);
        assertTrue((Long) result.checks().get("remaining") >= 0);

        JsonNode json = new ObjectMapper().readTree(result.toJsonString());
        for (String field : new String[] {"p50", "p95", "p99", "p999", "max"}) {
            assertTrue(json.get("latencyMs").has(field), field);
            assertTrue(json.get("latencyMs").get(field).isNumber(), field);
        }
        assertEquals(600, json.get("latencyMs").get("count").asLong());
        assertTrue(json.get("achievedThroughput").asDouble() > 0);
        assertFalse(json.get("outcomes").isEmpty());
        assertFalse(json.get("checks").get("oversold").asBoolean());
    }

    @Test
    void rampsUpInStepsAndReportsTheHighestRateThatHeldTheBudget() throws Exception {
        // A budget no healthy run can miss: the steps and the report are under test, not the speed.
        RampResult ramp = new RampScenario(NanoClock.system(), 42).run(BenchOptions.parse("ramp", "--stock", "20",
                "--users", "1000", "--rate", "20", "--step", "20", "--max-rate", "40", "--duration", "1s",
                "--p99-budget", "9s", "--url", url, "--system", "ours"));
        System.out.print(ramp.summaryText());

        assertEquals(2, ramp.steps().size());
        assertEquals(List.of(20L, 40L), ramp.steps().stream().map(BenchResult::offeredRate).toList());
        assertEquals(40, ramp.highestRateWithinBudget());
        assertFalse(ramp.failedCheck());
        JsonNode json = new ObjectMapper().readTree(ramp.toJsonString());
        assertEquals(40, json.get("highestRateWithinBudget").asLong());
        assertEquals(2, json.get("steps").size());
    }

    @Test
    void runsTheSteadyMixOfClaimsWalletReadsAndRedemptions() throws Exception {
        BenchResult steady = new SteadyScenario(NanoClock.system(), 42).run(BenchOptions.parse("steady", "--stock",
                "1000", "--users", "50", "--rate", "50", "--duration", "2s", "--templates", "2", "--url", url,
                "--system", "ours"));
        System.out.print(steady.summaryText());

        assertTrue(steady.stats().drained());
        assertEquals(100, steady.stats().answered() + steady.stats().failed());
        assertFalse(steady.failedCheck(), steady.checks().toString());
        assertTrue(steady.stats().outcomes().containsKey("wallet 200"), steady.stats().outcomes().toString());
        assertTrue(steady.stats().outcomes().keySet().stream().anyMatch(k -> k.startsWith("claim 201")),
                steady.stats().outcomes().toString());
    }

    @Test
    void runsAnAudienceFlashSaleThatGrantsOnlyTheUsersInsideIt() throws Exception {
        BenchResult result = new FlashSaleScenario(NanoClock.system(), 42).run(BenchOptions.parse("flash-sale",
                "--audience", "0.5", "--stock", "100", "--users", "200", "--rate", "100", "--duration", "2s",
                "--url", url, "--system", "ours"));
        System.out.print(result.summaryText());

        assertTrue(result.stats().drained());
        assertEquals(200, result.stats().answered() + result.stats().failed());
        assertEquals(200L, result.checks().get("profilesLoaded"), result.checks().toString());
        assertEquals(0L, result.checks().get("grantedOutsideAudience"), result.checks().toString());
        assertFalse(result.failedCheck(), result.checks().toString());
        assertTrue(result.stats().outcomes().containsKey("409 NOT_ELIGIBLE"), result.stats().outcomes().toString());
        assertTrue(result.stats().outcomes().containsKey("201 GRANTED"), result.stats().outcomes().toString());
    }

    @Test
    void runsLiveClaimsWhileAnIssuanceGrantsEveryLoadedProfileOnce() throws Exception {
        BenchResult result = new IssuanceLoadScenario(NanoClock.system(), 42).run(BenchOptions.parse(
                "issuance-load", "--profiles", "200", "--stock", "50", "--users", "500", "--rate", "50",
                "--duration", "2s", "--issuance-wait", "60s", "--url", url, "--system", "ours"));
        System.out.print(result.summaryText());

        assertTrue(result.stats().drained());
        assertEquals(100, result.stats().answered() + result.stats().failed());
        assertFalse(result.failedCheck(), result.checks().toString());
        assertEquals(200L, result.checks().get("profilesLoaded"), result.checks().toString());
        assertEquals(Map.of("status", "DONE", "matched", 200L, "granted", 200L, "rejected", 0L),
                result.checks().get("issuanceFinal"), result.checks().toString());
        assertEquals(200L, result.checks().get("issuanceTemplateGranted"));
        assertTrue(result.checks().containsKey("issuanceAtStart"));
        assertTrue(result.checks().containsKey("issuanceRunningThroughout"));
        JsonNode json = new ObjectMapper().readTree(result.toJsonString());
        assertEquals("issuance-load", json.get("scenario").asText());
        assertTrue(json.get("latencyMs").get("p99").isNumber());
        assertTrue(json.get("details").get("issuanceProgress").isArray());
    }

    @Test
    void runsIdleClaimsOneAtATimeEachAFreshUserAndReportsTheirPercentiles() throws Exception {
        BenchResult idle = new IdleScenario(NanoClock.system()).run(BenchOptions.parse("idle", "--claims", "5",
                "--url", url, "--system", "ours"));
        System.out.print(idle.summaryText());

        assertEquals(5, idle.stats().answered() + idle.stats().failed());
        assertFalse(idle.failedCheck(), idle.checks().toString());
        assertEquals(10L, idle.checks().get("stock"), "twice the claims: none meets the last units");
        assertFalse(idle.checks().containsKey("soldOut"), "selling out is no goal of the idle run");
        JsonNode latency = new ObjectMapper().readTree(idle.toJsonString()).get("latencyMs");
        for (String field : new String[] {"p50", "p90", "p99", "max"}) {
            assertTrue(latency.get(field).isNumber(), field);
        }
        assertEquals(5, latency.get("count").asLong());
    }

    @Test
    void samplesTheServersCpuFromProcOverAFlashSaleAndDividesItByTheClaimsAnswered() throws Exception {
        long serverPid = ProcessHandle.current().pid(); // the server runs in this JVM
        BenchResult sale = new FlashSaleScenario(NanoClock.system(), 42).run(BenchOptions.parse("flash-sale",
                "--stock", "10", "--users", "1000", "--rate", "50", "--duration", "1s", "--url", url, "--system",
                "ours", "--cpu-pids", "server=" + serverPid));
        System.out.print(sale.summaryText());

        JsonNode cpu = new ObjectMapper().readTree(sale.toJsonString()).get("details").get("cpu");
        assertEquals(sale.stats().answered(), cpu.get("claimsAnswered").asLong());
        assertEquals(1, cpu.get("processes").size());
        assertEquals("server", cpu.get("processes").get(0).get("name").asText());
        assertEquals(serverPid, cpu.get("processes").get(0).get("pid").asLong());
        assertTrue(cpu.get("totalCpuMs").asDouble() >= 0);
        assertTrue(cpu.get("cpuMsPerClaim").isNumber());
        assertFalse(sale.failedCheck(), sale.checks().toString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

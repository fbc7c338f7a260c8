package io.coupon.server;

import io.coupon.contract.JsonSerdes;
import io.coupon.contract.config.CouponConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before a process says it is serving, a private copy of it decides throwaway claims, so that a flash sale
 * sent the moment it serves meets compiled code.
 *
 * <p>A fresh JVM interprets everything at first and compiles what runs often. Measured on 2 cores, a sale of
 * 500 claims/s sent at "serving on" had the compiler threads, Jetty and the broker's handlers take the machine,
 * the stream thread an eighth of a core, and transaction commits 150–480 ms: almost every claim was answered 202.
 * After ten seconds of real claims, the same sale was decided in full. So the warm-up is real claims through
 * every layer the sale uses (HTTP, the API's producer, a broker, the stream's transactions, the answer
 * listener), on a copy that shares nothing with the real process but its classes: its own embedded broker and
 * folder (deleted afterwards), its own port, no MySQL sink. No record of it reaches a topic, a store or a table
 * anyone reads.
 */
final class StartupWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(StartupWarmUp.class);
    private static final int IN_FLIGHT = 32;
    /** A machine too busy to finish the warm-up in this long serves anyway. */
    private static final Duration AT_MOST = Duration.ofSeconds(45);

    private StartupWarmUp() {
    }

    /**
     * Runs the warm-up that {@code config} asks for, with the process's environment {@code env} as the copy's
     * base; returns how many throwaway claims were decided. A warm-up that fails is logged, never fatal.
     */
    static int run(Map<String, String> env, CouponConfig config) {
        if (config.warmUpClaims() == 0) {
            return 0;
        }
        long started = System.nanoTime();
        Path dir = config.kafka().dataDir().resolve("warm-up");
        delete(dir); // left by a process stopped during its warm-up
        int decided = 0;
        try (CouponServer copy = new CouponServer(CouponConfig.fromEnv(copyEnv(env, dir)), Clock.systemUTC(), true)
                .start()) {
            decided = claim(copy.httpPort(), config.warmUpClaims(), started + AT_MOST.toNanos());
        } catch (Exception e) {
            LOG.warn("the warm-up failed; serving without it", e);
        } finally {
            delete(dir);
        }
        LOG.info("warmed up: {} of {} throwaway claims decided on a private copy in {} ms", decided,
                config.warmUpClaims(), (System.nanoTime() - started) / 1_000_000);
        return decided;
    }

    /** The process's own settings, but for what makes the copy private: its broker, folder, ports and sink. */
    private static Map<String, String> copyEnv(Map<String, String> env, Path dir) throws IOException {
        Map<String, String> copy = new HashMap<>(env);
        copy.remove("COUPON_QUERY_URL");
        copy.putAll(Map.ofEntries(
                Map.entry("COUPON_ROLE", "all"),
                Map.entry("KAFKA_BOOTSTRAP_SERVERS", ""),
                Map.entry("COUPON_DATA_DIR", dir.toString()),
                Map.entry("COUPON_HTTP_HOST", "127.0.0.1"),
                Map.entry("COUPON_ADVERTISED_HOST", "127.0.0.1"),
                Map.entry("COUPON_HTTP_PORT", String.valueOf(freePort())),
                Map.entry("COUPON_EMBEDDED_KAFKA_PORT", String.valueOf(freePort())),
                Map.entry("COUPON_EMBEDDED_CONTROLLER_PORT", String.valueOf(freePort())),
                Map.entry("COUPON_INSTANCE_ID", "warm-up"),
                Map.entry("COUPON_SINK_ENABLED", "false"),
                Map.entry("COUPON_RATE_LIMIT_GLOBAL", "0"),
                Map.entry("COUPON_RATE_LIMIT_PER_USER", "0"),
                Map.entry("COUPON_WARM_UP_CLAIMS", "0")));
        return copy;
    }

    /**
     * One template with stock for half the claims, and claims of users that repeat now and then: grants,
     * sold-outs and limit refusals, as in a sale. Returns how many were decided (not answered 202).
     */
    private static int claim(int port, int claims, long deadline) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port;
        Instant now = Instant.now();
        String template = String.format("{\"name\": \"warm-up\", \"type\": \"THRESHOLD\", \"discount\": 20.00,"
                + " \"threshold\": 200.00, \"totalCount\": %d, \"perUserLimit\": 1, \"startTime\": \"%s\","
                + " \"endTime\": \"%s\", \"validDays\": 7}", Math.max(1, claims / 2), now.minusSeconds(60),
                now.plus(Duration.ofDays(1)));
        HttpResponse<String> defined = http.send(post(base + "/v1/templates", template),
                HttpResponse.BodyHandlers.ofString());
        if (defined.statusCode() != 201) {
            throw new IOException("the warm-up template was not defined: " + defined.statusCode());
        }
        long id = JsonSerdes.mapper().readTree(defined.body()).path("id").asLong();
        URI claimsUri = URI.create(base + "/v1/templates/" + id + "/claims");
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        AtomicInteger decided = new AtomicInteger();
        int users = Math.max(1, claims * 9 / 10);
        for (int i = 0; i < claims && System.nanoTime() < deadline; i++) {
            if (!inFlight.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                break;
            }
            http.sendAsync(post(claimsUri, "{\"userId\": " + (1 + i % users) + "}"),
                            HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        if (response != null && response.statusCode() != 202) {
                            decided.incrementAndGet();
                        }
                        inFlight.release();
                    });
        }
        inFlight.tryAcquire(IN_FLIGHT, Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        return decided.get();
    }

    private static HttpRequest post(String uri, String body) {
        return post(URI.create(uri), body);
    }

    private static HttpRequest post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not delete the warm-up folder {}: {}", dir, e.toString());
        }
    }
}

package io.coupon.server;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client as a careful shop front would write one: every request carries its idempotency key (or order id), and
 * an answer that decides nothing (202, 429, 503, a refused connection, a timeout) is retried with the same key
 * against the next instance until a final answer arrives. The fault tests hold the system to what such a client
 * sees.
 */
final class ResilientClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);
    private static final Duration PAUSE = Duration.ofMillis(200);

    /** A final answer, and how many tries it took. */
    record Answer(int status, JsonNode body, int attempts) {
        String field(String name) {
            JsonNode value = body.get(name);
            return value == null || value.isNull() ? null : value.asText();
        }
    }

    private final List<String> instances;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    ResilientClient(List<String> instances) {
        this.instances = List.copyOf(instances);
    }

    Answer claim(long templateId, long userId, String key) {
        return postUntilDecided("/v1/templates/" + templateId + "/claims", "{\"userId\": " + userId + "}",
                "Idempotency-Key", key);
    }

    Answer tryRedemption(String orderId, long userId, String couponId, String amount) {
        return postUntilDecided("/v1/redemptions", "{\"orderId\": \"" + orderId + "\", \"userId\": " + userId
                + ", \"couponId\": \"" + couponId + "\", \"orderAmount\": " + amount + "}");
    }

    Answer confirm(String orderId, long userId) {
        return postUntilDecided("/v1/redemptions/" + orderId + "/confirm", "{\"userId\": " + userId + "}");
    }

    Answer cancel(String orderId, long userId) {
        return postUntilDecided("/v1/redemptions/" + orderId + "/cancel", "{\"userId\": " + userId + "}");
    }

    /** Reads until an instance answers 200: a read during a rebalance may be refused with 503. */
    JsonNode read(String path) {
        AtomicInteger attempts = new AtomicInteger();
        return untilFinal("GET " + path, () -> {
            String base = instances.get(Math.floorMod(attempts.getAndIncrement()
                    + ThreadLocalRandom.current().nextInt(), instances.size()));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                ContractCheck.verify(r, null);
                return r.statusCode() == 200 ? JSON.readTree(r.body()) : null;
            } catch (IOException unreachable) {
                return null; // the next instance, after a pause
            }
        });
    }

    private Answer postUntilDecided(String path, String body, String... headers) {
        int start = ThreadLocalRandom.current().nextInt(instances.size());
        AtomicInteger attempts = new AtomicInteger();
        return untilFinal("POST " + path, () -> {
            int attempt = attempts.getAndIncrement();
            String base = instances.get((start + attempt) % instances.size());
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(15))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            for (int i = 0; i + 1 < headers.length; i += 2) {
                request.header(headers[i], headers[i + 1]);
            }
            try {
                HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                ContractCheck.verify(r, body);
                int status = r.statusCode();
                return status == 202 || status == 429 || status == 503 ? null
                        : new Answer(status, JSON.readTree(r.body()), attempt + 1);
            } catch (IOException unreachableOrTimedOut) {
                return null; // the instance died or is stuck: the same key goes to the next one
            }
        });
    }

    /** Tries on the calling thread, pausing between tries, until one gives a final answer (not null). */
    private static <T> T untilFinal(String what, Callable<T> attempt) {
        return await(what + " got a final answer").atMost(GIVE_UP_AFTER).pollInSameThread()
                .pollDelay(Duration.ZERO).pollInterval(PAUSE).until(attempt, Objects::nonNull);
    }
}

package io.coupon.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A client as a careful shop front would write one: every request carries its idempotency key (or order id), and
 * an answer that decides nothing (202, 429, 503, a refused connection, a timeout) is retried with the same key
 * against the next instance until a final answer arrives. The fault tests hold the system to what such a client
 * sees.
 */
final class ResilientClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

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
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        for (int attempt = 0; ; attempt++) {
            String base = instances.get(Math.floorMod(attempt + ThreadLocalRandom.current().nextInt(), instances.size()));
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return JSON.readTree(r.body());
                }
            } catch (IOException unreachable) {
                // the next instance, after a pause
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pauseOrGiveUp(deadline, "GET " + path);
        }
    }

    private Answer postUntilDecided(String path, String body, String... headers) {
        long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
        int start = ThreadLocalRandom.current().nextInt(instances.size());
        for (int attempt = 0; ; attempt++) {
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
                int status = r.statusCode();
                if (status != 202 && status != 429 && status != 503) {
                    return new Answer(status, JSON.readTree(r.body()), attempt + 1);
                }
            } catch (IOException unreachableOrTimedOut) {
                // the instance died or is stuck: the same key goes to the next one
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            pauseOrGiveUp(deadline, "POST " + path);
        }
    }

    private static void pauseOrGiveUp(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new AssertionError(what + " got no final answer within " + GIVE_UP_AFTER);
        }
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

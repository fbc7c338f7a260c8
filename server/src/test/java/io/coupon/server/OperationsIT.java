package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What operators rely on: health, Prometheus metrics, and errors for paths that do not exist. */
class OperationsIT {

    private static Api api;

    @BeforeAll
    static void cluster() {
        api = TestCluster.api().withOwnConnections();
    }

    @Test
    void reportsUpWhenHealthy() {
        Api.Response health = api.get("/health");

        assertEquals(200, health.status(), health.body()::toString);
        assertEquals("UP", health.body().path("status").asText());
    }

    @Test
    void countsClaimsByStatusInPrometheusText() {
        long template = api.createTemplate(10, 1);
        Api.Response claim = api.claim(template, Api.freshId());
        String status = claim.status() == 202 ? "PENDING" : claim.body().path("status").asText();

        Api.Raw metrics = api.getRaw("/metrics");

        assertEquals(200, metrics.status());
        assertTrue(metrics.header("Content-Type").startsWith("text/plain"), metrics.header("Content-Type"));
        Pattern counted = Pattern.compile("(?m)^coupon_claims_total\\{[^}]*status=\"" + status + "\"[^}]*\\} [0-9.eE+]+$");
        assertTrue(counted.matcher(metrics.body()).find(), () -> "no coupon_claims_total{status=\"" + status
                + "\"} in:\n" + linesWith(metrics.body(), "coupon_claims"));
    }

    @Test
    void exposesTheHttpLatencyHistogram() {
        api.get("/health");

        Api.Raw metrics = api.getRaw("/metrics");

        assertEquals(200, metrics.status());
        assertTrue(Pattern.compile("(?m)^http_server_requests_seconds_bucket\\{[^}]*le=\"").matcher(metrics.body()).find(),
                () -> "no histogram buckets in:\n" + linesWith(metrics.body(), "http_server"));
    }

    @Test
    void answers404ForAnUnknownPath() {
        assertEquals(404, api.get("/v1/no-such-thing").status());
    }

    @Test
    void answersAnUnknownPathWithAnErrorBody() {
        Api.Response unknown = api.get("/v1/no-such-thing");

        assertEquals(404, unknown.status());
        Api.assertErrorBody(unknown.body());
    }

    private static String linesWith(String text, String part) {
        StringBuilder found = new StringBuilder();
        text.lines().filter(l -> l.contains(part)).limit(40).forEach(l -> found.append(l).append('\n'));
        return found.toString();
    }
}

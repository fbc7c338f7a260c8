package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coupon.contract.Topics;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
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

    /**
     * The sink's dead-letter topic exists from start-up, whether or not a sink runs (the shared server runs none),
     * so a fresh sink never starts against a missing topic and logs an ERROR about it.
     */
    @Test
    void createsTheSinkDeadLetterTopicAtStartUp() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestCluster.bootstrapServers()))) {
            Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);

            assertTrue(topics.contains(Topics.SINK_DEAD_LETTERS), topics::toString);
        }
    }

    private static String linesWith(String text, String part) {
        StringBuilder found = new StringBuilder();
        text.lines().filter(l -> l.contains(part)).limit(40).forEach(l -> found.append(l).append('\n'));
        return found.toString();
    }
}

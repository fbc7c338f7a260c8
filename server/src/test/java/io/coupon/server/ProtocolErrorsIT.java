package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coupon.contract.config.CouponConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every answer is the contract's error envelope, also where no route ever ran: an unknown path, a wrong method,
 * and what Jetty refuses on its own (a header too large, a bad Host, a URI too long, a body that stops half-way,
 * a malformed chunk). Requests an HTTP client cannot send go over a raw socket.
 */
class ProtocolErrorsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(8);
    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    static Path dataDir;

    private static Api api;
    private static RawHttp raw;
    private static CouponServer impatient;
    private static RawHttp rawImpatient;

    @BeforeAll
    static void cluster() throws Exception {
        api = TestCluster.api().withOwnConnections();
        raw = new RawHttp(api.baseUrl());
        // An API instance of its own with a short idle timeout, so a half-sent body is answered within the test.
        Map<String, String> env = TestCluster.serverEnv(dataDir);
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestCluster.bootstrapServers());
        env.put("COUPON_ROLE", "api");
        env.put("COUPON_QUERY_URL", api.baseUrl());
        env.put("COUPON_HTTP_IDLE_TIMEOUT", IDLE_TIMEOUT.toMillis() + "ms");
        impatient = new CouponServer(CouponConfig.fromEnv(env), Clock.systemUTC()).start();
        rawImpatient = new RawHttp("http://127.0.0.1:" + env.get("COUPON_HTTP_PORT"));
    }

    @AfterAll
    static void stop() {
        if (impatient != null) {
            impatient.close();
        }
    }

    @Test
    void answersAnUnknownPathWithNotFound() {
        Api.Response unknown = api.get("/v1/no-such-thing");

        assertEquals(404, unknown.status());
        assertEquals("NOT_FOUND", unknown.body().path("error").asText(), unknown.body()::toString);
        Api.assertErrorBody(unknown.body());
    }

    @Test
    void answersAWrongMethodOnAKnownPathWith405AndItsMethods() {
        Api.Response wrong = api.delete("/v1/templates");

        assertEquals(405, wrong.status(), wrong.body()::toString);
        assertEquals("METHOD_NOT_ALLOWED", wrong.body().path("error").asText(), wrong.body()::toString);
        Api.assertErrorBody(wrong.body());
        assertEquals("GET, POST", wrong.header("Allow"));
    }

    @Test
    void answersAWrongMethodOnAPathWithParametersWith405() {
        Api.Response wrong = api.post("/v1/templates/" + Api.freshId() + "/claims/some-key", "{}");

        assertEquals(405, wrong.status(), wrong.body()::toString);
        assertEquals("GET", wrong.header("Allow"));
    }

    @Test
    void answersAHeaderOf100KbWith431InTheEnvelope() {
        RawHttp.Answer answer = raw.exchange(raw.request("GET /health HTTP/1.1", "X-Padding: " + "a".repeat(100_000)),
                PATIENCE);

        assertEnvelope(431, "HEADERS_TOO_LARGE", answer);
    }

    @Test
    void answersABadHostWith400InTheEnvelope() {
        RawHttp.Answer answer = raw.exchange("GET /health HTTP/1.1\r\nHost: bad host!\r\n\r\n", PATIENCE);

        assertEnvelope(400, "BAD_REQUEST", answer);
    }

    @Test
    void answers3000QueryParametersWith414InTheEnvelope() {
        String query = IntStream.range(0, 3_000).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));

        RawHttp.Answer answer = raw.exchange(raw.request("GET /health?" + query + " HTTP/1.1"), PATIENCE);

        assertEnvelope(414, "URI_TOO_LONG", answer);
    }

    @Test
    void answersAHalfSentBodyWith408InTheEnvelope() {
        RawHttp.Answer answer = rawImpatient.exchange(templatePost(rawImpatient, "Content-Length: 100", "{\"name\": "),
                PATIENCE);

        assertEnvelope(408, "REQUEST_TIMEOUT", answer);
    }

    @Test
    void answersAMalformedChunkWith400Not500() {
        RawHttp.Answer answer = raw.exchange(templatePost(raw, "Transfer-Encoding: chunked", "zz\r\n{}\r\n0\r\n\r\n"),
                PATIENCE);

        assertEnvelope(400, "BAD_REQUEST", answer);
    }

    @Test
    void answersAnUnknownHttpVersionInTheEnvelope() {
        RawHttp.Answer answer = raw.exchange(raw.request("GET /health HTTP/3.7"), PATIENCE);

        assertEnvelope(505, "HTTP_VERSION_NOT_SUPPORTED", answer);
    }

    /** A template POST whose body is framed by {@code framing} and is, on the wire, exactly {@code body}. */
    private static String templatePost(RawHttp to, String framing, String body) {
        return to.request("POST /v1/templates HTTP/1.1", "Content-Type: application/json", framing) + body;
    }

    private static void assertEnvelope(int status, String code, RawHttp.Answer answer) {
        assertEquals(status, answer.status(), answer::toString);
        assertTrue(answer.header("Content-Type").startsWith("application/json"), answer::toString);
        assertEquals(code, answer.json().path("error").asText(), answer::toString);
        Api.assertErrorBody(answer.json());
    }
}

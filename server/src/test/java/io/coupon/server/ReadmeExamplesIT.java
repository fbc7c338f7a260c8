package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs every {@code curl} example of the README, top to bottom, exactly as written (only the port differs), with
 * {@code curl} itself, against a real server on a broker of its own (the examples use fixed ids and count the
 * profiles that exist), and checks each answer against what its comment says. A read whose answer depends on
 * work still under way (an issuance, a report) is repeated until it matches, for at most 30 s. The other
 * commands of the examples ({@code mariadb}, {@code reconcile}) need the MySQL sink, which SinkIT covers.
 */
class ReadmeExamplesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path README = Path.of("..", "README.md");

    private static EmbeddedKafkaBroker broker;
    private static CouponServer server;
    private static int port;

    @BeforeAll
    static void ownServer() throws Exception {
        broker = TestCluster.startBroker(Files.createTempDirectory("coupon-readme-kafka"));
        Map<String, String> env = TestCluster.serverEnv(Files.createTempDirectory("coupon-readme-data"), broker);
        port = Integer.parseInt(env.get("COUPON_HTTP_PORT"));
        server = TestCluster.startServer(env);
        new Api("http://127.0.0.1:" + port).awaitHealthy();
    }

    @AfterAll
    static void stop() {
        TestCluster.closeAll(server, broker);
    }

    @Test
    void everyCurlExampleAnswersAsItsCommentSays() throws Exception {
        List<ReadmeExamples.Example> examples = ReadmeExamples.read(README);
        long curlLines = Files.readAllLines(README).stream().filter(l -> l.startsWith("curl ")).count();
        assertEquals(curlLines, examples.size(), "every curl line of the README is an example run here");

        List<String> failures = new ArrayList<>();
        for (ReadmeExamples.Example example : examples) {
            String failure = example.isRead() ? awaitAnswer(example) : check(example, run(example));
            if (failure != null) {
                failures.add("README line " + example.line() + ": " + example.command() + "\n    " + failure);
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    private String awaitAnswer(ReadmeExamples.Example example) {
        String[] last = new String[1];
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> (last[0] = check(example, run(example))) == null);
            return null;
        } catch (ConditionTimeoutException e) {
            return last[0];
        }
    }

    private record Answer(int status, String body) {
    }

    /** Runs the command with bash, as a reader would paste it, on this test's port. */
    private Answer run(ReadmeExamples.Example example) throws IOException, InterruptedException {
        String command = example.command().replace("localhost:7070", "localhost:" + port) + " -w '\\n%{http_code}'";
        Process curl = new ProcessBuilder("bash", "-c", command).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!curl.waitFor(60, TimeUnit.SECONDS)) {
            curl.destroyForcibly();
            throw new AssertionError("curl did not finish: " + command);
        }
        int split = out.lastIndexOf('\n');
        String body = out.substring(0, Math.max(split, 0));
        int headersEnd = body.indexOf("\r\n\r\n");
        if (example.command().contains(" -i") && headersEnd >= 0) {
            body = body.substring(headersEnd + 4);
        }
        return new Answer(Integer.parseInt(out.substring(split + 1).strip()), body);
    }

    /** Null when the answer is what the comment says, else what differs. */
    private static String check(ReadmeExamples.Example example, Answer answer) {
        ReadmeExamples.Expectation expected = example.expectation();
        String seen = " (got " + answer.status() + " " + answer.body() + ")";
        if (!expected.accepts(answer.status())) {
            return "expected " + expected.code().map(String::valueOf).orElse("2xx") + seen;
        }
        if (expected.word().isEmpty() && expected.fields().isEmpty()) {
            return null;
        }
        JsonNode body = parse(answer.body());
        if (expected.word().isPresent() && !expected.word().get().equals(body.path("status").asText(null))
                && !expected.word().get().equals(body.path("error").asText(null))) {
            return "expected status or error " + expected.word().get() + seen;
        }
        for (ReadmeExamples.Field field : expected.fields()) {
            if (!holds(body, field)) {
                return "expected \"" + field.name() + "\": " + (field.isText() ? field.text() : field.literal()) + seen;
            }
        }
        return null;
    }

    /** Whether some field of that name anywhere in the answer has that value. */
    private static boolean holds(JsonNode node, ReadmeExamples.Field field) {
        if (node.has(field.name()) && matches(node.get(field.name()), field)) {
            return true;
        }
        for (JsonNode child : node) {
            if (child.isContainerNode() && holds(child, field)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(JsonNode value, ReadmeExamples.Field field) {
        if (field.isText()) {
            return value.isTextual() && value.asText().equals(field.text());
        }
        return switch (field.literal()) {
            case "true", "false" -> value.isBoolean() && value.asBoolean() == Boolean.parseBoolean(field.literal());
            case "null" -> value.isNull();
            default -> value.isNumber() && value.decimalValue().compareTo(field.number()) == 0;
        };
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}

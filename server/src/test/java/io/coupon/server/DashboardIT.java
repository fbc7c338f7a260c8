package io.coupon.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live dashboard at {@code /}, loaded in a real headless Chromium (Debian's {@code chromium}, which
 * {@code .ci/run} installs when missing; without it the browser tests are skipped, not failed), and the JSON
 * it is drawn from.
 */
class DashboardIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static Api api;

    @BeforeAll
    static void cluster() {
        api = TestCluster.api().withOwnConnections();
    }

    @Test
    void showsACreatedTemplateWithoutConsoleErrors() throws Exception {
        assumeChromium();
        long id = Api.freshId();
        // Markup in the name must come out as text, never as HTML.
        String name = "Dashboard <b>20 off 200</b> & more " + id;
        Map<String, Object> fields = Api.templateFields(id, 50, 1, Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(30)));
        fields.put("name", name);
        api.createTemplate(fields);
        api.claimDecided(id, Api.freshId());
        awaitListed(id);

        Browser page = Browser.load(api.baseUrl() + "/");

        assertTrue(page.dom().contains("data-template-id=\"" + id + "\""),
                () -> "no row for template " + id + " in the page:\n" + page.dom());
        assertTrue(page.dom().contains(escaped(name)), () -> "the page does not show \"" + name + "\":\n" + page.dom());
        assertTrue(page.dom().contains("data-state=\"live\""), () -> "the page did not go live:\n" + page.dom());
        assertEquals(List.of(), page.consoleMessages(), "the page wrote to the browser console");
    }

    @Test
    void sendsTemplateIdsAbove2To53AsExactStrings() {
        long id = idAbove2To53();
        api.createTemplate(Api.templateFields(id, 5, 1, Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(30))));
        awaitListed(id);

        JsonNode listed = find(api.get("/v1/dashboard").body(), id);

        assertTrue(listed.path("id").isTextual(), listed::toString);
        assertEquals(String.valueOf(id), listed.path("id").asText());
    }

    @Test
    void showsATemplateIdAbove2To53WithAllItsDigits() throws Exception {
        assumeChromium();
        long id = idAbove2To53();
        api.createTemplate(Api.templateFields(id, 5, 1, Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(30))));
        awaitListed(id);

        Browser page = Browser.load(api.baseUrl() + "/");

        assertTrue(page.dom().contains("data-template-id=\"" + id + "\""),
                () -> "no row for template " + id + " in the page:\n" + page.dom());
    }

    @Test
    void keepsARightToLeftOverrideInANameFromReorderingIt() throws Exception {
        assumeChromium();
        long id = Api.freshId();
        Map<String, Object> fields = Api.templateFields(id, 5, 1, Instant.now().minusSeconds(60),
                Instant.now().plus(Duration.ofDays(30)));
        fields.put("name", "Sale \u202Eevil " + id);
        api.createTemplate(fields);
        awaitListed(id);

        Browser page = Browser.load(api.baseUrl() + "/");

        assertTrue(page.dom().contains("<bdi>Sale evil " + id + "</bdi>"),
                () -> "the name is not shown isolated and without its override:\n" + page.dom());
    }

    @Test
    void theApiReferencePageListsTheOperationsWithoutConsoleErrors() throws Exception {
        assumeChromium();

        Browser page = Browser.load(api.baseUrl() + "/docs");

        // Swagger UI draws one block per operation, with its path.
        assertTrue(page.dom().contains("opblock"), () -> "no operation drawn:\n" + page.dom());
        for (String path : List.of("/v1/templates/{templateId}/claims", "/v1/redemptions/{orderId}/confirm",
                "/v1/users/{userId}/coupons/best")) {
            assertTrue(page.dom().contains(path), () -> path + " is not listed:\n" + page.dom());
        }
        assertEquals(List.of(), page.consoleMessages(), "the page wrote to the browser console");
    }

    @Test
    void theDashboardLinksTheApiReference() {
        assertTrue(api.getRaw("/").body().contains("href=\"/docs\""), "a link to /docs");
    }

    /** Without this, a Chromium that stopped reporting console messages would let any page pass. */
    @Test
    void theConsoleCheckSeesTheErrorsOfABrokenPage() throws Exception {
        assumeChromium();

        Browser page = Browser.load("data:text/html,<p>broken</p><script>console.error('dashboard-it-error');"
                + "undefinedFunction();</script>");

        assertTrue(page.dom().contains("broken"), page::dom);
        assertTrue(page.consoleMessages().stream().anyMatch(line -> line.contains("dashboard-it-error")),
                () -> "console.error not seen in: " + page.consoleMessages());
        assertTrue(page.consoleMessages().stream().anyMatch(line -> line.contains("Uncaught ReferenceError")),
                () -> "uncaught error not seen in: " + page.consoleMessages());
    }

    @Test
    void listsEveryTemplateWithLiveRemainingSortedById() {
        long first = api.createTemplate(5, 1);
        long second = api.createTemplate(3, 1);
        Api.assertOutcome(201, "GRANTED", api.claimDecided(second, Api.freshId()));

        JsonNode listed = awaitListed(second);

        List<Long> ids = new ArrayList<>();
        listed.path("templates").forEach(t -> ids.add(t.path("id").asLong()));
        assertEquals(ids.stream().sorted().toList(), ids, "sorted by id");
        assertTrue(ids.size() <= 1_000, "at most 1,000");
        assertTrue(!listed.path("truncated").asBoolean() || ids.size() == 1_000, "truncated only when full");
        JsonNode firstView = find(listed, first);
        JsonNode secondView = find(listed, second);
        assertEquals(5, firstView.path("remaining").asLong());
        assertEquals("ACTIVE", firstView.path("status").asText());
        assertEquals(2, secondView.path("remaining").asLong());
        assertEquals("it " + second, secondView.path("name").asText());
    }

    @Test
    void countsClaimOutcomesOfTheLastMinutes() {
        long template = api.createTemplate(1, 1);
        Api.assertOutcome(201, "GRANTED", api.claimDecided(template, Api.freshId()));
        Api.assertOutcome(409, "SOLD_OUT", api.claimDecided(template, Api.freshId()));

        // The sampler closes an interval every 5 s; other tests' claims only add to these counts.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonNode activity = api.get("/v1/dashboard").body().path("activity");
            return counted(activity, "GRANTED") >= 1 && counted(activity, "SOLD_OUT") >= 1;
        });
        Api.Response dashboard = api.get("/v1/dashboard");
        assertEquals(200, dashboard.status());
        assertEquals(5, dashboard.body().path("activity").path("intervalSeconds").asInt());
        assertEquals(0, find(dashboard.body(), template).path("remaining").asLong());
        assertEquals("SOLD_OUT", find(dashboard.body(), template).path("status").asText());
    }

    @Test
    void countsARepeatedConfirmUnderRepeatedNotAsASecondUse() {
        long user = Api.freshId();
        Map<String, Long> before = redemptionTotals();
        String order = confirmedOrder(user);

        assertEquals(200, step(order, "confirm", user).status());

        assertEquals(Map.of("LOCKED", 1L, "USED", 1L, "REPEATED", 1L), awaitRedemptionsCounted(before, 3));
    }

    @Test
    void countsACancelAnswered409UsedUnderRejectedNotUnderTheOrdersStatus() {
        long user = Api.freshId();
        Map<String, Long> before = redemptionTotals();
        String order = confirmedOrder(user);

        Api.Response cancel = step(order, "cancel", user);

        assertEquals(409, cancel.status());
        assertEquals("USED", cancel.body().path("status").asText());
        assertEquals(Map.of("LOCKED", 1L, "USED", 1L, "REJECTED", 1L), awaitRedemptionsCounted(before, 3));
    }

    @Test
    void countsATryRejectedAlreadyUsedUnderRejected() {
        long user = Api.freshId();
        String coupon = grantedCoupon(user);
        String order = "O-" + Api.freshId();
        Map<String, Long> before = redemptionTotals();
        assertEquals(201, api.post("/v1/redemptions", tryJson(order, user, coupon)).status());
        assertEquals(200, step(order, "confirm", user).status());

        Api.Response again = api.post("/v1/redemptions", tryJson(order, user, coupon));

        assertEquals(409, again.status());
        assertEquals("ALREADY_USED", again.body().path("status").asText());
        assertEquals(Map.of("LOCKED", 1L, "USED", 1L, "REJECTED", 1L), awaitRedemptionsCounted(before, 3));
    }

    @Test
    void servesThePageAndItsAssets() {
        Api.Raw page = api.getRaw("/");
        Api.Raw script = api.getRaw("/dashboard/dashboard.js");
        Api.Raw style = api.getRaw("/dashboard/dashboard.css");

        assertEquals(200, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
        assertTrue(page.body().contains("/dashboard/dashboard.js"));
        assertEquals(200, script.status());
        assertTrue(script.header("Content-Type").startsWith("text/javascript"), script.header("Content-Type"));
        assertEquals(200, style.status());
        assertTrue(style.header("Content-Type").startsWith("text/css"), style.header("Content-Type"));
        assertEquals(404, api.get("/dashboard/no-such-asset.js").status());
    }

    /** An id a JavaScript number cannot hold exactly: above 2^53 and odd, so no double lands on it. */
    private static long idAbove2To53() {
        return (Long.MAX_VALUE - Api.freshId()) | 1;
    }

    private static JsonNode awaitListed(long templateId) {
        JsonNode[] listed = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Api.Response answer = api.get("/v1/templates");
            listed[0] = answer.body();
            return answer.status() == 200 && find(answer.body(), templateId) != null;
        });
        return listed[0];
    }

    private static JsonNode find(JsonNode list, long templateId) {
        for (JsonNode template : list.path("templates")) {
            if (template.path("id").asLong() == templateId) {
                return template;
            }
        }
        return null;
    }

    private static long counted(JsonNode activity, String status) {
        long n = 0;
        for (JsonNode interval : activity.path("series")) {
            n += interval.path("claims").path(status).asLong();
        }
        return n;
    }

    /** An order of {@code user}'s, locked by a Try on a coupon just granted, then confirmed. */
    private static String confirmedOrder(long user) {
        String order = "O-" + Api.freshId();
        Api.Response locked = api.post("/v1/redemptions", tryJson(order, user, grantedCoupon(user)));
        assertEquals(201, locked.status(), () -> locked.body().toString());
        assertEquals(200, step(order, "confirm", user).status());
        return order;
    }

    private static String grantedCoupon(long user) {
        long template = api.createTemplate(5, 1);
        Api.Response claim = api.claimDecided(template, user);
        Api.assertOutcome(201, "GRANTED", claim);
        return claim.body().path("couponId").asText();
    }

    private static String tryJson(String order, long user, String coupon) {
        return String.format("{\"orderId\": \"%s\", \"userId\": %d, \"couponId\": \"%s\", \"orderAmount\": 250.00}",
                order, user, coupon);
    }

    private static Api.Response step(String order, String step, long user) {
        return api.post("/v1/redemptions/" + order + "/" + step, "{\"userId\": " + user + "}");
    }

    /** The dashboard's redemption counts since this instance started, as last sampled. */
    private static Map<String, Long> redemptionTotals() {
        Map<String, Long> totals = new TreeMap<>();
        api.get("/v1/dashboard").body().path("activity").path("redemptionTotals").fields()
                .forEachRemaining(e -> totals.put(e.getKey(), e.getValue().asLong()));
        return totals;
    }

    /**
     * What the counts gained since {@code before}, once the sampler has counted {@code answers} more answers (it
     * closes an interval every 5 s). Redemptions of other tests run before or after this one, never during it.
     */
    private static Map<String, Long> awaitRedemptionsCounted(Map<String, Long> before, long answers) {
        Map<String, Long> gained = new TreeMap<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            gained.clear();
            redemptionTotals().forEach((key, n) -> {
                long more = n - before.getOrDefault(key, 0L);
                if (more != 0) {
                    gained.put(key, more);
                }
            });
            return gained.values().stream().mapToLong(Long::longValue).sum() >= answers;
        });
        return Map.copyOf(gained);
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static void assumeChromium() {
        assumeTrue(Files.isExecutable(CHROMIUM), "SKIPPED: no Chromium at " + CHROMIUM
                + "; install it with: apt-get install -y --no-install-recommends chromium (.ci/run does)");
    }

    /**
     * One page load in headless Chromium, run as a process: the DOM after the page's scripts ran (within a
     * virtual-time budget, so its 2 s refreshes run quickly) and every console message. This Chromium logs every
     * console message at the same level ({@code INFO:CONSOLE}), console.error and uncaught errors alike, so a
     * page passes only when it logs nothing at all: the dashboard never writes to the console.
     */
    private record Browser(String dom, List<String> consoleMessages) {

        static Browser load(String url) throws IOException, InterruptedException {
            Path profile = Files.createTempDirectory("dashboard-it-chromium");
            Path out = Files.createTempFile("dashboard-it-dom", ".html");
            Path err = Files.createTempFile("dashboard-it-log", ".txt");
            try {
                Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox",
                        "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + profile, "--virtual-time-budget=8000", "--enable-logging=stderr",
                        "--v=0", "--dump-dom", url)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
                if (!chromium.waitFor(120, TimeUnit.SECONDS)) {
                    chromium.descendants().forEach(ProcessHandle::destroyForcibly);
                    chromium.destroyForcibly();
                    throw new AssertionError("chromium did not finish within 120 s; its log:\n" + read(err));
                }
                String dom = read(out);
                String log = read(err);
                assertEquals(0, chromium.exitValue(), () -> "chromium failed; its log:\n" + log);
                assertFalse(dom.isBlank(), () -> "chromium dumped no DOM; its log:\n" + log);
                List<String> console = log.lines()
                        .filter(line -> line.contains(":CONSOLE") || line.contains("Uncaught"))
                        .toList();
                return new Browser(dom, console);
            } finally {
                deleteTree(profile);
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        }

        private static String read(Path file) throws IOException {
            return Files.readString(file, StandardCharsets.UTF_8);
        }

        private static void deleteTree(Path root) throws IOException {
            try (Stream<Path> paths = Files.walk(root)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}

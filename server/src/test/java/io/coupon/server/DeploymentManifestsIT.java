package io.coupon.server;

import static org.awaitility.Awaitility.await;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.core.ConditionTimeoutException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The deployment files under {@code deploy/} (Kubernetes manifests, Prometheus rules and scrape config,
 * prometheus-adapter rules, the Grafana dashboard) are read by machines we do not run in CI, so this test does
 * what it can here:
 * <ul>
 *   <li>it parses every {@code .yaml}/{@code .yml} (every document of it) and {@code .json} file, and the YAML or
 *       JSON files embedded in a ConfigMap's {@code data} (the adapter's {@code config.yaml}, the connector's
 *       JSON), failing on any parse error or duplicate key;</li>
 *   <li>it collects every metric name the files use in PromQL: Prometheus rules' and Grafana targets' {@code expr},
 *       Grafana query variables, prometheus-adapter's {@code seriesQuery}/{@code metricsQuery}; and checks, after
 *       some traffic, that each one exists as such on the shared test server's {@code /metrics}
 *       ({@code _bucket}/{@code _count}/{@code _sum} included), so a renamed meter breaks the build instead of
 *       silently emptying a dashboard or disarming an alert. {@code up} is Prometheus' own and exempt;</li>
 *   <li>the HPA's custom metrics are not on {@code /metrics} but made by prometheus-adapter: each must be the
 *       name of an adapter rule under deploy/, whose source series is then checked like any other.</li>
 * </ul>
 */
class DeploymentManifestsIT {

    private static final Path DEPLOY = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
            .resolve("../deploy").toAbsolutePath().normalize();

    /** Series that Prometheus makes itself: never on an application's /metrics. */
    private static final Set<String> EXEMPT = Set.of("up");

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    // ---- The one test that needs the server.

    @Test
    void everyMetricNameTheFilesUseIsExposedOnMetrics() {
        Usages usages = usages(load());
        Map<String, Set<String>> needed = new TreeMap<>(usages.metrics);
        EXEMPT.forEach(needed::remove);
        assertFalse(needed.isEmpty(), "no metric names found under " + DEPLOY);

        Api api = TestCluster.api().withOwnConnections();
        makeTraffic(api);

        // Some meters appear only once their first event has happened (a decision seen, a consumer's first fetch):
        // give them a little time rather than racing them.
        Set<String> missing = new TreeSet<>(needed.keySet());
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Api.Raw metrics = api.getRaw("/metrics");
                assertEquals(200, metrics.status(), "GET /metrics");
                missing.clear();
                missing.addAll(needed.keySet());
                missing.removeAll(exposedNames(metrics.body()));
                return missing.isEmpty();
            });
        } catch (ConditionTimeoutException stillMissing) {
            // reported with the names below
        }
        StringBuilder report = new StringBuilder();
        missing.forEach(name -> report.append("\n  ").append(name).append("  used by ").append(needed.get(name)));
        assertTrue(missing.isEmpty(), () -> missing.size() + " metric name(s) used under deploy/ are not on /metrics:"
                + report);
    }

    /** A template, a claim granted and one rejected, a Try and its Confirm, reads, and a 404: every meter moves. */
    private static void makeTraffic(Api api) {
        long template = api.createTemplate(10, 1);
        long user = Api.freshId();
        // One claim each, then lookups (never retried claims, which a per-user rate limit could turn away).
        Api.Response granted = api.claimDecided(template, user);
        Api.assertOutcome(201, "GRANTED", granted);
        Api.assertOutcome(409, "LIMIT_EXCEEDED", api.claimDecided(template, user));
        String coupon = granted.body().path("couponId").asText();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> !api.coupons(user, template).isEmpty());

        String order = "deploy-it-" + user;
        Api.Response tried = api.post("/v1/redemptions", String.format(
                "{\"orderId\": \"%s\", \"userId\": %d, \"couponId\": \"%s\", \"orderAmount\": 250.00}",
                order, user, coupon));
        assertTrue(tried.status() == 201 || tried.status() == 202, () -> "Try: " + tried.status() + " " + tried.body());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.coupons(user, template).stream()
                        .anyMatch(c -> "LOCKED".equals(c.path("status").asText())));
        Api.Response confirmed = api.post("/v1/redemptions/" + order + "/confirm", "{\"userId\": " + user + "}");
        assertTrue(confirmed.status() == 200 || confirmed.status() == 202,
                () -> "Confirm: " + confirmed.status() + " " + confirmed.body());

        assertEquals(200, api.get("/v1/templates/" + template).status());
        assertEquals(404, api.get("/v1/no-such-thing").status());
    }

    private static final Pattern SAMPLE_NAME = Pattern.compile("^[a-zA-Z_:][a-zA-Z0-9_:]*");

    /** The sample names of a Prometheus text exposition: {@code name{labels} value} or {@code name value}. */
    private static Set<String> exposedNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher name = SAMPLE_NAME.matcher(line);
            if (name.find()) {
                names.add(name.group());
            }
        }
        return names;
    }

    // ---- Tests of the files alone.

    @Test
    void everyFileUnderDeployParses() {
        List<Doc> docs = load();
        Set<String> files = docs.stream().map(d -> d.origin().split("#")[0]).collect(Collectors.toSet());
        for (String expected : List.of("k8s/", "prometheus/", "grafana/")) {
            assertTrue(files.stream().anyMatch(f -> f.startsWith(expected)), "no YAML/JSON file under deploy/" + expected);
        }
        for (Doc doc : docs) {
            if (doc.origin().startsWith("k8s/") && !doc.origin().contains("#")) {
                for (String field : List.of("apiVersion", "kind")) {
                    assertTrue(doc.node().path(field).isTextual(), doc.origin() + ": a Kubernetes object without " + field);
                }
                if (!"Kustomization".equals(doc.node().path("kind").asText())) {
                    assertTrue(doc.node().path("metadata").path("name").isTextual(), doc.origin() + ": no metadata.name");
                }
            }
            if (doc.node().has("panels")) {
                assertTrue(doc.node().path("schemaVersion").asInt() >= 36,
                        doc.origin() + ": Grafana schemaVersion must be at least 36");
            }
        }
    }

    @Test
    void findsExpressionsOfEveryKind() {
        Usages usages = usages(load());
        Set<String> where = usages.metrics.values().stream().flatMap(Set::stream)
                .map(u -> u.replaceAll(".* ", "")).collect(Collectors.toSet());
        for (String kind : List.of("expr", "seriesQuery", "target", "variable")) {
            assertTrue(where.contains(kind), "no metric found in any " + kind + "; found in " + where);
        }
        assertFalse(usages.hpaMetrics.isEmpty(), "no HPA custom metric found");
    }

    @Test
    void everyHpaCustomMetricIsMadeByAnAdapterRule() {
        Usages usages = usages(load());
        for (Map.Entry<String, Set<String>> hpa : usages.hpaMetrics.entrySet()) {
            assertTrue(usages.adapterNames.containsKey(hpa.getKey()), () -> "the HPA metric " + hpa.getKey() + " ("
                    + hpa.getValue() + ") is made by no prometheus-adapter rule under deploy/; rules make "
                    + usages.adapterNames.keySet());
        }
    }

    @Test
    void extractsMetricNamesFromPromQl() {
        assertEquals(Set.of("http_server_requests_seconds_bucket"), metricNames(
                "histogram_quantile(0.99, sum by (le, route) (rate(http_server_requests_seconds_bucket"
                        + "{job=\"coupon\", route!~\"/health|/metrics\"}[5m]))) > 0.5"));
        assertEquals(Set.of("a_total", "b_count"), metricNames(
                "sum(rate(a_total{status=~\"5..\"}[$__rate_interval])) / SUM BY(x) (rate(b_count[5m] offset 1h))"));
        assertEquals(Set.of("up", "kafka_lag", "c"), metricNames(
                "up{job=\"x\"} == 0 and on () max without (pod) (kafka_lag) > 1e3 unless ignoring(pod) c"));
        assertEquals(Set.of("m"), metricNames("sum(m) by (pod) > bool 0 and topk(3, m) or vector(1)"));
        assertEquals(Set.of(), metricNames(
                "sum(rate(<<.Series>>{<<.LabelMatchers>>,route!~\"/health\"}[1m])) by (<<.GroupBy>>)"));
        assertEquals(Set.of("up"), grafanaVariableMetricNames("label_values(up{job=\"coupon\"}, namespace)"));
        assertEquals(Set.of(), grafanaVariableMetricNames("label_values(namespace)"));
        assertEquals(Set.of("x_total"), grafanaVariableMetricNames("query_result(topk(5, x_total))"));
    }

    // ---- Reading the files.

    /** One parsed document: {@code origin} is its file relative to deploy/, with {@code #key} when embedded. */
    record Doc(String origin, JsonNode node) {
    }

    /** Every document of every YAML/JSON file under deploy/, and of the files embedded in ConfigMaps. */
    static List<Doc> load() {
        assertTrue(Files.isDirectory(DEPLOY), "no deploy folder at " + DEPLOY);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(DEPLOY)) {
            files = walk.filter(Files::isRegularFile).filter(p -> isYaml(p.toString()) || isJson(p.toString()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new AssertionError("cannot list " + DEPLOY, e);
        }
        List<Doc> docs = new ArrayList<>();
        for (Path file : files) {
            String origin = DEPLOY.relativize(file).toString().replace('\\', '/');
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw new AssertionError("cannot read " + file, e);
            }
            List<JsonNode> parsed = parse(origin, text);
            if (parsed.isEmpty()) {
                fail(origin + " holds no document");
            }
            for (JsonNode node : parsed) {
                docs.add(new Doc(origin, node));
                docs.addAll(embedded(origin, node));
            }
        }
        return docs;
    }

    /** The YAML/JSON files a ConfigMap carries in {@code data}, keyed by file name. */
    private static List<Doc> embedded(String origin, JsonNode node) {
        List<Doc> docs = new ArrayList<>();
        if (!"ConfigMap".equals(node.path("kind").asText())) {
            return docs;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.path("data").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String key = entry.getKey();
            if (isYaml(key) || isJson(key)) {
                String where = origin + "#" + key;
                for (JsonNode inner : parse(where, entry.getValue().asText())) {
                    docs.add(new Doc(where, inner));
                }
            }
        }
        return docs;
    }

    private static List<JsonNode> parse(String origin, String text) {
        List<JsonNode> docs = new ArrayList<>();
        try {
            if (isJson(origin)) {
                docs.add(JSON.readTree(text));
            } else {
                try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(text)) {
                    while (it.hasNextValue()) {
                        JsonNode doc = it.nextValue();
                        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                            docs.add(doc);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new AssertionError("deploy/" + origin + " does not parse: " + e.getMessage(), e);
        }
        return docs;
    }

    private static boolean isYaml(String name) {
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static boolean isJson(String name) {
        return name.endsWith(".json");
    }

    // ---- Finding the metric names.

    /** Metric name → where it is used; HPA custom metric → where; adapter-made metric → its rule. */
    record Usages(Map<String, Set<String>> metrics, Map<String, Set<String>> hpaMetrics,
                  Map<String, Set<String>> adapterNames) {
    }

    static Usages usages(List<Doc> docs) {
        Usages usages = new Usages(new TreeMap<>(), new TreeMap<>(), new TreeMap<>());
        BiConsumer<Map<String, Set<String>>, Map.Entry<String, String>> add =
                (map, use) -> map.computeIfAbsent(use.getKey(), k -> new TreeSet<>()).add(use.getValue());
        for (Doc doc : docs) {
            walk(doc.node(), (field, node) -> {
                String where = doc.origin() + " " + field;
                switch (field) {
                    // Prometheus rules, Grafana targets
                    case "expr" -> metricNames(node.asText()).forEach(
                            n -> add.accept(usages.metrics, Map.entry(n, doc.origin() + " "
                                    + (doc.origin().endsWith(".json") ? "target" : "expr"))));
                    // prometheus-adapter
                    case "seriesQuery", "metricsQuery" -> metricNames(node.asText()).forEach(
                            n -> add.accept(usages.metrics, Map.entry(n, where)));
                    default -> {
                    }
                }
            });
            // Grafana query variables: the query is a string, or {"query": "..."} since Grafana 9
            for (JsonNode variable : doc.node().path("templating").path("list")) {
                if ("query".equals(variable.path("type").asText())) {
                    JsonNode query = variable.path("query");
                    grafanaVariableMetricNames(query.isObject() ? query.path("query").asText("") : query.asText(""))
                            .forEach(n -> add.accept(usages.metrics, Map.entry(n, doc.origin() + " variable")));
                }
            }
            adapterRules(doc, usages);
            hpaMetrics(doc, usages);
        }
        return usages;
    }

    /** Calls {@code visitor} with every field of every object in the tree, depth first. */
    private static void walk(JsonNode node, BiConsumer<String, JsonNode> visitor) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                visitor.accept(field.getKey(), field.getValue());
                walk(field.getValue(), visitor);
            }
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, visitor));
        }
    }

    /** A prometheus-adapter rule: its metric is {@code name.as} applied to the series it discovers. */
    private static void adapterRules(Doc doc, Usages usages) {
        walk(doc.node(), (field, node) -> {
            if (!field.equals("rules") && !field.equals("custom") && !field.equals("default") || !node.isArray()) {
                return;
            }
            for (JsonNode rule : node) {
                if (!rule.path("seriesQuery").isTextual()) {
                    continue;
                }
                Pattern matches = Pattern.compile(rule.path("name").path("matches").asText("^(.*)$"));
                String as = rule.path("name").path("as").asText("")
                        .replaceAll("\\$\\{(\\d+)}", "\\$$1"); // Go's ${1} is Java's $1
                if (as.isEmpty()) {
                    as = matches.matcher("").groupCount() > 0 ? "$1" : "$0";
                }
                for (String series : metricNames(rule.path("seriesQuery").asText())) {
                    usages.adapterNames.computeIfAbsent(matches.matcher(series).replaceAll(as), k -> new TreeSet<>())
                            .add(doc.origin() + " rule on " + series);
                }
            }
        });
    }

    /** The Pods, Object and External metrics of a HorizontalPodAutoscaler (autoscaling/v2). */
    private static void hpaMetrics(Doc doc, Usages usages) {
        if (!"HorizontalPodAutoscaler".equals(doc.node().path("kind").asText())) {
            return;
        }
        for (JsonNode metric : doc.node().path("spec").path("metrics")) {
            String type = metric.path("type").asText().toLowerCase(Locale.ROOT);
            JsonNode name = metric.path(type).path("metric").path("name");
            if (name.isTextual()) {
                usages.hpaMetrics.computeIfAbsent(name.asText(), k -> new TreeSet<>())
                        .add(doc.origin() + " " + doc.node().path("metadata").path("name").asText());
            }
        }
    }

    /** PromQL words that are not metric names: operators, modifiers, aggregations, functions, {@code le}. */
    private static final Set<String> NOT_METRICS = Set.of(
            "and", "or", "unless", "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset",
            "start", "end", "inf", "nan", "atan2", "le",
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk",
            "quantile", "limitk", "limit_ratio",
            "rate", "irate", "increase", "delta", "idelta", "deriv", "predict_linear", "histogram_quantile",
            "histogram_count", "histogram_sum", "histogram_fraction", "absent", "absent_over_time", "abs", "ceil",
            "floor", "round", "clamp", "clamp_min", "clamp_max", "exp", "ln", "log2", "log10", "sqrt", "sgn",
            "vector", "scalar", "time", "timestamp", "label_replace", "label_join", "sort", "sort_desc", "changes",
            "resets", "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time",
            "quantile_over_time", "stddev_over_time", "stdvar_over_time", "last_over_time", "present_over_time",
            "holt_winters", "day_of_month", "day_of_week", "day_of_year", "days_in_month", "hour", "minute", "month",
            "year");

    /** An identifier not inside a longer token ({@code 5m}, {@code 1e3}, {@code $__rate_interval}). */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.$])[a-zA-Z_:][a-zA-Z0-9_:]*");

    /**
     * The metric names a PromQL expression uses, kept simple on purpose. First what cannot hold a metric name is
     * blanked: prometheus-adapter's {@code <<...>>} templates, string literals, comments, label matchers
     * {@code {...}} (kept as {@code {}}), ranges and subqueries {@code [...]} (kept as {@code []}), and the label
     * lists of {@code by}, {@code without}, {@code on}, {@code ignoring}, {@code group_left},
     * {@code group_right}. Then a metric name is an identifier that is followed by {@code {}, {@code [}, {@code )},
     * whitespace, an operator or the end (not by {@code (}, which makes it a function call), that is not part of a
     * number or duration, and that is not a PromQL keyword, aggregation or function ({@link #NOT_METRICS}).
     */
    static Set<String> metricNames(String promql) {
        String s = promql
                .replaceAll("<<[^>]*>>", " ")
                .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`", "\"\"")
                .replaceAll("#[^\\n]*", " ")
                .replaceAll("\\{[^}]*}", "{}")
                .replaceAll("\\[[^\\]]*]", "[]")
                .replaceAll("(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(s);
        while (m.find()) {
            String rest = s.substring(m.end()).stripLeading();
            if (rest.startsWith("(") || NOT_METRICS.contains(m.group().toLowerCase(Locale.ROOT))) {
                continue;
            }
            names.add(m.group());
        }
        return names;
    }

    /**
     * The metric names of a Grafana Prometheus query variable: {@code label_values(selector, label)} and
     * {@code query_result(promql)} read their first argument as PromQL, {@code label_values(label)},
     * {@code label_names()} and {@code metrics(regex)} use none, anything else is PromQL.
     */
    static Set<String> grafanaVariableMetricNames(String query) {
        String q = query.strip();
        Matcher labelValues = Pattern.compile("^label_values\\((.*),\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*\\)$").matcher(q);
        if (labelValues.matches()) {
            return metricNames(labelValues.group(1));
        }
        Matcher queryResult = Pattern.compile("^query_result\\((.*)\\)$").matcher(q);
        if (queryResult.matches()) {
            return metricNames(queryResult.group(1));
        }
        if (q.isEmpty() || q.matches("^(label_values\\(\\s*[a-zA-Z_][a-zA-Z0-9_]*\\s*\\)|label_names\\(.*\\)"
                + "|metrics\\(.*\\))$")) {
            return Set.of();
        }
        return metricNames(q);
    }
}

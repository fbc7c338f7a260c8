package io.coupon.topology;

import static io.coupon.domain.TemplateBuilder.aTemplate;
import static io.coupon.topology.TopologyFixture.DEFINED_AT;
import static io.coupon.topology.TopologyFixture.END;
import static io.coupon.topology.TopologyFixture.OPEN;
import static io.coupon.topology.TopologyFixture.START;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.coupon.contract.JsonSerdes;
import io.coupon.contract.Topic;
import io.coupon.contract.TopicCatalog;
import io.coupon.contract.Topics;
import io.coupon.contract.message.BlocklistEntry;
import io.coupon.contract.message.BlockUser;
import io.coupon.contract.message.CancelRedemption;
import io.coupon.contract.message.Claim;
import io.coupon.contract.message.ClaimCommand;
import io.coupon.contract.message.ConfirmRedemption;
import io.coupon.contract.message.DefineTemplate;
import io.coupon.contract.message.IssuanceDelta;
import io.coupon.contract.message.PatchTemplate;
import io.coupon.contract.message.RedemptionCommand;
import io.coupon.contract.message.RefundRedemption;
import io.coupon.contract.message.StartIssuance;
import io.coupon.contract.message.TemplateResult;
import io.coupon.contract.message.TryRedemption;
import io.coupon.contract.message.UserProfile;
import io.coupon.contract.message.WalletCommand;
import io.coupon.domain.AudienceOp;
import io.coupon.domain.AudienceParser;
import io.coupon.domain.CampaignStatus;
import io.coupon.domain.ClaimStatus;
import io.coupon.domain.CouponChange;
import io.coupon.domain.CouponStatus;
import io.coupon.domain.CouponType;
import io.coupon.domain.Profile;
import io.coupon.domain.RedemptionStatus;
import io.coupon.domain.Scope;
import io.coupon.domain.Stacking;
import io.coupon.domain.Template;
import io.coupon.domain.TemplatePatch;
import io.coupon.domain.Variant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The topics' contract for analysts and other systems: {@code docs/topics/<topic>.schema.json} (JSON Schema
 * 2020-12) describes the value of every JSON topic, and every record the topology really writes, in a scenario
 * that makes it write to each of them, matches its topic's schema; a field the schema does not name fails it.
 * Values only the API writes are checked as the API's serializer writes them.
 */
class TopicSchemasTest extends TopologyTest {

    private static final Path SCHEMAS = schemasDirectory();
    private static final String SUFFIX = ".schema.json";
    private static final ObjectMapper JSON = JsonSerdes.mapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true).build()));
    /** Each topic's schema, compiled once. */
    private static final Map<String, Schema> COMPILED = new HashMap<>();
    /** The topics whose values are the bytes of a record that could not be read: no shape to describe. */
    private static final Set<String> DEAD_LETTER_TOPICS = Set.of(Topics.DEAD_LETTERS, Topics.SINK_DEAD_LETTERS);

    /** Where each topic's key is found in its value (a JSON pointer), as the schema's description names it. */
    private static final Map<String, String> KEY_IN_VALUE = Map.ofEntries(
            Map.entry(Topics.CLAIM_RESULTS, "/templateId"),
            Map.entry(Topics.TEMPLATE_RESULTS, "/template/id"),
            Map.entry(Topics.COUPON_EVENTS, "/userId"),
            Map.entry(Topics.COUPON_TEMPLATES, "/id"),
            Map.entry(Topics.REDEMPTION_RESULTS, "/userId"),
            Map.entry(Topics.TEMPLATE_STATS, "/templateId"),
            Map.entry(Topics.PROFILE_RESULTS, "/userId"),
            Map.entry(Topics.ISSUANCE_PROGRESS, "/templateId"),
            Map.entry(Topics.ISSUANCE_RESULTS, "/progress/templateId"),
            Map.entry(Topics.EXPERIMENT_EVENTS, "/templateId"));

    private static final long PLAIN = 42;
    private static final long AUDIENCE = 43;
    private static final long EXPERIMENT = 44;
    private static final long ISSUED = 45;
    private static final long UNKNOWN = 999;

    private final Map<String, TestOutputTopic<byte[], byte[]>> outputs = new LinkedHashMap<>();
    /** Every record the topology wrote to a schema'd topic, by topic, in order. */
    private final Map<String, List<TestRecord<byte[], byte[]>>> published = new TreeMap<>();
    private TestInputTopic<Long, WalletCommand> walletCommands;
    private TestInputTopic<Long, UserProfile> userProfiles;
    private TestInputTopic<Long, IssuanceDelta> issuanceProgress;
    private TestInputTopic<Long, StartIssuance> issuanceRequests;
    private int requests;

    @BeforeEach
    void start() {
        for (String topic : schemaTopicsTheTopologyWrites()) {
            outputs.put(topic, topology.driver().createOutputTopic(topic, Serdes.ByteArray().deserializer(),
                    Serdes.ByteArray().deserializer()));
            published.put(topic, new ArrayList<>());
        }
        walletCommands = topology.input(TopicCatalog.WALLET_COMMANDS);
        userProfiles = topology.input(TopicCatalog.USER_PROFILES);
        issuanceProgress = topology.input(TopicCatalog.ISSUANCE_PROGRESS);
        issuanceRequests = topology.input(TopicCatalog.ISSUANCE_REQUESTS);
    }

    // --- the contract

    @Test
    void everyRecordTheTopologyWritesMatchesItsTopicsSchema() {
        runScenario();

        List<String> violations = new ArrayList<>();
        published.forEach((topic, records) -> records.forEach(record ->
                violations.addAll(violations(topic, record.value()))));

        assertEquals(List.of(), violations);
    }

    @Test
    void theScenarioWritesToEveryTopicThatHasASchemaAndThatTheTopologyWrites() {
        runScenario();

        List<String> silent = published.entrySet().stream().filter(e -> e.getValue().isEmpty())
                .map(Map.Entry::getKey).toList();

        assertFalse(published.isEmpty(), "the topology writes no topic that has a schema");
        assertEquals(List.of(), silent, "no record was checked on these topics");
    }

    @Test
    void everyRecordIsKeyedByTheIdItsSchemaNames() {
        runScenario();
        assertEquals(new TreeSet<>(KEY_IN_VALUE.keySet()), published.keySet(),
                "where the key is found in the value, for every schema'd topic the topology writes");

        List<String> wrong = new ArrayList<>();
        published.forEach((topic, records) -> records.forEach(record -> {
            JsonNode id = tree(record.value()).at(KEY_IN_VALUE.get(topic));
            if (id.isMissingNode() || id.isNull()) {
                return; // a template-results NOT_FOUND names no template
            }
            if (record.key() == null || record.key().length != Long.BYTES
                    || new LongDeserializer().deserialize(topic, record.key()) != id.asLong()) {
                wrong.add(topic + ": key " + Arrays.toString(record.key()) + " for " + text(record.value()));
            }
        }));

        assertEquals(List.of(), wrong);
    }

    @Test
    void whatOnlyTheApiWritesMatchesItsTopicsSchema() {
        Profile profile = Profile.of(Map.of("tier", "gold", "level", 5, "vip", true, "tags", List.of("a", "b")));
        StartIssuance toAnAudience = new StartIssuance("req-1", ISSUED, "spring-push",
                AudienceParser.parse(Map.of("any", List.of(Map.of("attr", "tier", "op", "eq", "value", "gold"),
                        Map.of("not", Map.of("attr", "stats.used", "op", "gte", "value", 1))))), null, 12, OPEN);
        StartIssuance toAList = new StartIssuance("req-2", ISSUED, "list", null, List.of(5L, 7L), 12, OPEN);
        Map<String, List<Object>> written = Map.of(
                Topics.USER_BLOCKLIST, List.of(new BlocklistEntry(9, OPEN)),
                Topics.USER_PROFILES, List.of(new UserProfile("req-3", 5, profile, OPEN)),
                Topics.ISSUANCE_PROGRESS, List.of(IssuanceDelta.started(toAnAudience)),
                Topics.ISSUANCE_REQUESTS, List.of(toAnAudience, toAList));

        Serializer<Object> api = Topic.valuesOf(List.of(TopicCatalog.USER_BLOCKLIST, TopicCatalog.USER_PROFILES,
                TopicCatalog.ISSUANCE_PROGRESS, TopicCatalog.ISSUANCE_REQUESTS));

        List<String> violations = new ArrayList<>();
        written.forEach((topic, values) -> values.forEach(value ->
                violations.addAll(violations(topic, api.serialize(topic, value)))));

        assertEquals(List.of(), violations);
    }

    @Test
    void aFieldTheSchemaDoesNotNameFailsIt() {
        runScenario();
        ObjectNode answer = (ObjectNode) tree(published.get(Topics.CLAIM_RESULTS).get(0).value());

        answer.put("undocumented", 1);

        List<String> violations = violations(Topics.CLAIM_RESULTS,
                answer.toString().getBytes(StandardCharsets.UTF_8));

        assertEquals(1, violations.size(), violations.toString());
        assertTrue(violations.get(0).contains("undocumented"), violations.get(0));
    }

    @Test
    void everySchemaNamesATopicOfTheCatalogueWhoseValuesAreJson() throws IOException {
        Set<String> jsonTopics = Topics.ALL.stream().map(Topics.Spec::name).filter(t -> !Topics.isCompact(t))
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> described = schemaFiles().keySet();

        assertTrue(jsonTopics.containsAll(described), "schemas of no JSON topic: "
                + described.stream().filter(t -> !jsonTopics.contains(t)).toList());
        described.forEach(topic -> assertEquals("urn:coupon:topics:" + topic, schemaTree(topic).path("$id").asText(),
                "the $id of " + topic + SUFFIX));
    }

    @Test
    void everyTopicWhoseValuesAreJsonHasASchema() throws IOException {
        Set<String> described = schemaFiles().keySet();

        List<String> undescribed = Topics.ALL.stream().map(Topics.Spec::name)
                .filter(t -> !Topics.isCompact(t) && !DEAD_LETTER_TOPICS.contains(t) && !described.contains(t))
                .toList();

        assertEquals(List.of(), undescribed);
    }

    @Test
    void theSchemasListEveryValueOfTheCodesEnumsAndNoOther() {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        Set<String> rejections = names(ClaimStatus.values());
        rejections.remove(ClaimStatus.GRANTED.name());
        expected.put("claim-results#/properties/status/enum", names(ClaimStatus.values()));
        expected.put("template-stats#/properties/rejected/propertyNames/enum", rejections);
        expected.put("issuance-progress#/properties/outcome/enum", names(ClaimStatus.values()));
        expected.put("issuance-results#/$defs/issuanceProgress/properties/rejected/propertyNames/enum", rejections);
        expected.put("template-results#/properties/status/enum", names(TemplateResult.Status.values()));
        expected.put("coupon-events#/properties/eventType/enum", stringConstants(CouponChange.class));
        expected.put("coupon-events#/properties/status/enum", names(CouponStatus.values()));
        expected.put("redemption-results#/properties/status/enum", names(RedemptionStatus.values()));
        for (String topic : List.of("coupon-templates", "template-results")) {
            String template = topic.equals("coupon-templates") ? "" : "/$defs/template";
            expected.put(topic + "#" + template + "/properties/type/enum", names(CouponType.values()));
            expected.put(topic + "#" + template + "/properties/stacking/enum", names(Stacking.values()));
            expected.put(topic + "#" + template + "/properties/campaignStatus/enum", names(CampaignStatus.values()));
            expected.put(topic + "#/$defs/audience/oneOf/3/properties/op/enum",
                    Stream.of(AudienceOp.values()).map(AudienceOp::wireName).collect(Collectors.toSet()));
        }

        expected.forEach((where, values) -> {
            String[] parts = where.split("#", 2);
            JsonNode listed = schemaTree(parts[0]).at(parts[1]);
            assertTrue(listed.isArray(), where + " lists no values");
            Set<String> names = new TreeSet<>();
            listed.forEach(v -> {
                if (!v.isNull()) {
                    names.add(v.asText());
                }
            });
            assertEquals(new TreeSet<>(values), names, where);
        });
    }

    @Test
    void aDefinitionSharedBySchemasIsSpelledTheSameInEach() throws IOException {
        Map<String, Map<String, JsonNode>> byName = new TreeMap<>();
        for (String topic : schemaFiles().keySet()) {
            schemaTree(topic).path("$defs").properties().forEach(def ->
                    byName.computeIfAbsent(def.getKey(), k -> new TreeMap<>()).put(topic, def.getValue()));
        }

        byName.forEach((name, spellings) -> assertEquals(1, new HashSet<>(spellings.values()).size(),
                "$defs/" + name + " differs between " + spellings.keySet()));
    }

    // --- the scenario: everything the topology writes on the schema'd topics

    private void runScenario() {
        Template plain = aTemplate(PLAIN).totalCount(2).build();
        Template audience = aTemplate(AUDIENCE).audience(Map.of("all", List.of(
                Map.of("attr", "tier", "op", "in", "value", List.of("gold", "platinum")),
                Map.of("not", Map.of("attr", "level", "op", "lt", "value", 3))))).build();
        Template experiment = aTemplate(EXPERIMENT).cash("10.00").variants(List.of(
                new Variant("A", 50, null, null, null),
                new Variant("B", 50, new BigDecimal("15.00"), null, null))).build();
        Template issued = new Template(ISSUED, "Spring push: 5 off shoes", CouponType.CASH, new BigDecimal("5.00"),
                null, null, 10, 1, START, END, null, null, null,
                Map.of("campaign", "spring", "owner", Map.of("team", "growth", "budget", 1000)),
                new Scope(List.of("sku-1"), List.of("shoes")), Stacking.STACKABLE, "spring", null);
        for (Template template : List.of(plain, audience, experiment, issued)) {
            command(template.id(), new DefineTemplate("define-" + template.id(), template), DEFINED_AT);
        }
        command(PLAIN, new DefineTemplate("define-again", plain), DEFINED_AT); // ALREADY_EXISTS

        // claims, granted and rejected
        command(9, new BlockUser(9, OPEN), OPEN);
        String first = claim(PLAIN, 1, "c-1", 1);
        claim(PLAIN, 1, "c-1", 2); // a retry: replayed
        claim(PLAIN, 1, "c-2", 3); // LIMIT_EXCEEDED
        String second = claim(PLAIN, 2, "c-3", 4);
        claim(PLAIN, 3, "c-4", 5); // SOLD_OUT
        claim(PLAIN, 9, "c-5", 6); // BLOCKED
        claim(PLAIN, 2, "c-1", 7); // KEY_REUSED
        claim(UNKNOWN, 1, "c-6", 8); // UNKNOWN_TEMPLATE

        // profiles, and claims judged against an audience
        putProfile(5, Map.of("tier", "gold", "level", 5, "vip", true, "tags", List.of("early", "mobile")), 9);
        putProfile(6, Map.of("tier", "silver", "level", 1), 10);
        claim(AUDIENCE, 5, "c-7", 11); // GRANTED where the profile lives
        claim(AUDIENCE, 6, "c-8", 12); // NOT_ELIGIBLE

        // an experiment: first tries and grants per variant
        long inA = userIn(experiment, "A");
        long inB = userIn(experiment, "B");
        claim(EXPERIMENT, inA, "c-9", 13);
        String experimentCoupon = claim(EXPERIMENT, inB, "c-10", 14);

        // redemptions: try, confirm, refund; try, cancel; refusals
        redeem(new TryRedemption(nextRequest(), 1, "O-1", first, new BigDecimal("250.00"), at(15)));
        redeem(new ConfirmRedemption(nextRequest(), 1, "O-1", at(16)));
        putProfile(1, Map.of("tier", "gold", "level", 2), 17); // with stats: one use
        redeem(new RefundRedemption(nextRequest(), 1, "O-1", at(18)));
        redeem(new TryRedemption(nextRequest(), 2, "O-2", second, new BigDecimal("300.00"), at(19)));
        redeem(new CancelRedemption(nextRequest(), 2, "O-2", at(20)));
        redeem(new TryRedemption(nextRequest(), 3, "O-3", "no-such-coupon", new BigDecimal("250.00"), at(21)));
        redeem(new ConfirmRedemption(nextRequest(), 3, "O-404", at(22)));
        redeem(new TryRedemption(nextRequest(), inB, "O-E", experimentCoupon, new BigDecimal("99.90"), at(23)));
        redeem(new ConfirmRedemption(nextRequest(), inB, "O-E", at(24)));
        redeem(new RefundRedemption(nextRequest(), inB, "O-E", at(25)));
        redeem(new TryRedemption(nextRequest(), 2, "O-4", second, new BigDecimal("250.00"), at(26))); // times out

        // operators' changes: applied, refused, of no template
        command(PLAIN, new PatchTemplate("patch-1", PLAIN, new TemplatePatch(CampaignStatus.PAUSED, 5L, null,
                "Paused for now", Map.of("reason", "stock check")), at(27)), at(27));
        command(PLAIN, new PatchTemplate("patch-2", PLAIN, new TemplatePatch(null, 1L, null, null, null), at(28)),
                at(28)); // BELOW_GRANTED
        command(UNKNOWN, new PatchTemplate("patch-3", UNKNOWN, new TemplatePatch(null, null, null, "x", null),
                at(29)), at(29)); // NOT_FOUND
        claim(PLAIN, 4, "c-11", 30); // PAUSED

        // a targeted issuance, started as the API starts it, walked on the wall clock
        StartIssuance start = new StartIssuance("issue-1", ISSUED, "spring-push",
                AudienceParser.parse(Map.of("attr", "tier", "op", "eq", "value", "gold")), null, 1, at(31));
        issuanceProgress.pipeInput(ISSUED, IssuanceDelta.started(start), start.at());
        issuanceRequests.pipeInput(null, start, start.at());
        topology.advanceWallClockTime(TopologySettings.DEFAULT_ISSUANCE_TICK);
        topology.advanceWallClockTime(TopologySettings.DEFAULT_ISSUANCE_TICK);
        drain();

        // the minute closes, a lock times out, the coupons expire
        topology.advanceWallClockTime(Duration.ofMinutes(2));
        topology.advanceWallClockTime(TopologySettings.DEFAULT_LOCK_TIMEOUT);
        topology.advanceWallClockTime(Duration.between(OPEN, END).plusMinutes(1));
        drain();
    }

    private static Instant at(int second) {
        return OPEN.plusSeconds(second);
    }

    private String nextRequest() {
        return "request-" + ++requests;
    }

    private void command(long key, ClaimCommand command, Instant at) {
        topology.send(key, command, at);
        drain();
    }

    /** A claim at {@link #at}({@code second}); returns the coupon id of its answer (null unless granted). */
    private String claim(long templateId, long userId, String requestId, int second) {
        command(templateId, new Claim(requestId, templateId, userId, at(second)), at(second));
        List<TestRecord<byte[], byte[]>> answers = published.get(Topics.CLAIM_RESULTS);
        JsonNode answer = tree(answers.get(answers.size() - 1).value());
        assertEquals(requestId, answer.path("requestId").asText(), "the last answer is the claim's");
        return answer.path("couponId").isNull() ? null : answer.path("couponId").asText();
    }

    private void redeem(RedemptionCommand command) {
        walletCommands.pipeInput(command.userId(), command, command.at());
        drain();
    }

    private void putProfile(long userId, Map<String, Object> attributes, int second) {
        userProfiles.pipeInput(userId, new UserProfile(nextRequest(), userId, Profile.of(attributes), at(second)),
                at(second));
        drain();
    }

    private void drain() {
        outputs.forEach((topic, output) -> published.get(topic).addAll(output.readRecordsToList()));
    }

    private static long userIn(Template experiment, String variant) {
        long user = 100;
        while (!experiment.variantFor(user).name().equals(variant)) {
            user++;
        }
        return user;
    }

    // --- schemas

    /** The JSON topics the topology writes, as its sinks name them, that have a schema. */
    private static Set<String> schemaTopicsTheTopologyWrites() {
        Set<String> written = new TreeSet<>();
        for (TopologyDescription.Subtopology sub : ClaimTopology.build(TopologyFixture.SETTINGS).describe()
                .subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Sink sink) {
                    written.add(sink.topic());
                }
            }
        }
        try {
            written.retainAll(schemaFiles().keySet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /** What is wrong with {@code value} as a record of {@code topic}: one line per violation, none if it fits. */
    private static List<String> violations(String topic, byte[] value) {
        String json = text(value);
        tree(value); // JSON text, not Smile
        Schema schema = COMPILED.computeIfAbsent(topic, t -> REGISTRY.getSchema(schemaText(t), InputFormat.JSON));
        return schema.validate(json, InputFormat.JSON).stream()
                .map(error -> topic + ": " + error + " in " + json).toList();
    }

    private static Map<String, Path> schemaFiles() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            return files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .collect(Collectors.toMap(f -> f.getFileName().toString().replace(SUFFIX, ""), f -> f,
                            (a, b) -> a, TreeMap::new));
        }
    }

    private static String schemaText(String topic) {
        try {
            return Files.readString(SCHEMAS.resolve(topic + SUFFIX));
        } catch (IOException e) {
            throw new UncheckedIOException("no schema for " + topic, e);
        }
    }

    private static JsonNode schemaTree(String topic) {
        try {
            return JSON.readTree(schemaText(topic));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code docs/topics} at the repository root: Surefire runs in the module directory (and sets basedir to it);
     * looked for upwards, so the test runs from anywhere inside the repository.
     */
    private static Path schemasDirectory() {
        Path dir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve(Path.of("docs", "topics"));
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no docs/topics above " + dir);
    }

    // --- values

    private static JsonNode tree(byte[] value) {
        assertTrue(value != null && value.length > 0 && value[0] == '{', "a JSON object: " + Arrays.toString(value));
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(byte[] value) {
        return new String(value, StandardCharsets.UTF_8);
    }

    private static Set<String> names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** The public String constants of {@code type}: the event types of {@link CouponChange}. */
    private static Set<String> stringConstants(Class<?> type) {
        Set<String> constants = new TreeSet<>();
        for (Field field : type.getFields()) {
            if (field.getType() == String.class && Modifier.isStatic(field.getModifiers())) {
                try {
                    constants.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return constants;
    }
}

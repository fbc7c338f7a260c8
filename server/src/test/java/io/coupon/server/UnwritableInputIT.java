package io.coupon.server;

import io.coupon.contract.config.KafkaConnection;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.coupon.contract.http.ApiException;
import io.coupon.contract.message.UserProfile;
import io.coupon.domain.Profile;
import io.coupon.ingest.CommandPublisher;
import io.coupon.ingest.KafkaCircuit;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values a client can send as JSON but that cannot travel on the topics (a number like {@code 1e100000} that
 * cannot be written plainly, one of over 1,000 digits that cannot be read back): each request is the client's fault, answered 400, and never counts against Kafka, so everyone
 * else's claims go on being granted.
 */
class UnwritableInputIT {

    private static final String HUGE = "1e100000";
    private static Api api;
    private static long template;

    @BeforeAll
    static void cluster() {
        api = TestCluster.api().withOwnConnections();
        template = api.createTemplate(1_000, 1);
    }

    private static String templateWith(String field, String value) {
        long id = Api.freshId();
        return "{\"id\": " + id + ", \"name\": \"unwritable\", \"type\": \"CASH\", \"discount\": 5.00,"
                + " \"totalCount\": 10, \"endTime\": \"" + Instant.now().plus(Duration.ofDays(1)) + "\", \""
                + field + "\": " + value + "}";
    }

    private static String leaf(String value) {
        return "{\"attr\": \"level\", \"op\": \"gte\", \"value\": " + value + "}";
    }

    static Stream<Arguments> unwritableTemplates() {
        return Stream.of(
                Arguments.of("an audience value of 1e100000", templateWith("audience", leaf(HUGE))),
                Arguments.of("an audience value of 1e-100000", templateWith("audience", leaf("1e-100000"))),
                Arguments.of("an audience value of 1e1000", templateWith("audience", leaf("1e1000"))),
                Arguments.of("an in value of 1e100000", templateWith("audience",
                        "{\"attr\": \"level\", \"op\": \"in\", \"value\": [1, " + HUGE + "]}")),
                Arguments.of("a metadata number of 1e1000", templateWith("metadata", "{\"n\": [1e1000]}")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unwritableTemplates")
    void refusesATemplateThatCannotTravelWith400(String name, String body) {
        Api.Response answer = api.post("/v1/templates", body);

        assertEquals(400, answer.status(), answer.body()::toString);
        Api.assertErrorBody(answer.body());
    }

    @Test
    void refusesAnIssuanceAudienceThatCannotTravelWith400() {
        Api.Response answer = api.post("/v1/templates/" + template + "/issuances",
                "{\"issuanceId\": \"unwritable\", \"audience\": " + leaf(HUGE) + "}");

        assertEquals(400, answer.status(), answer.body()::toString);
        Api.assertErrorBody(answer.body());
    }

    @Test
    void refusesAProfileThatCannotTravelWith400AndStoresNothing() {
        long user = Api.freshId();

        Api.Response answer = api.put("/v1/users/" + user + "/profile", "{\"attributes\": {\"level\": 1e1000}}");

        assertEquals(400, answer.status(), answer.body()::toString);
        assertEquals(404, api.get("/v1/users/" + user + "/profile").status());
    }

    @Test
    void refusesPatchMetadataThatCannotTravelWith400() {
        Api.Response answer = Campaigns.patch(api, template, "{\"metadata\": {\"n\": 1e1000}}");

        assertEquals(400, answer.status(), answer.body()::toString);
        Api.assertErrorBody(answer.body());
    }

    @Test
    void manyUnwritableRequestsLeaveOtherUsersClaimsGranted() {
        for (int i = 0; i < 5; i++) {
            assertEquals(400, api.post("/v1/templates", templateWith("audience", leaf(HUGE))).status());
            assertEquals(400, api.post("/v1/templates/" + template + "/issuances",
                    "{\"issuanceId\": \"unwritable-" + i + "\", \"audience\": " + leaf(HUGE) + "}").status());
        }

        Api.Response claim = api.claim(template, Api.freshId());

        assertEquals(201, claim.status(), claim.body()::toString);
        assertEquals(200, api.get("/health").status());
    }

    @Test
    void aValueTheSerializerRefusesIsTheClientsFaultAndLeavesTheCircuitClosed() throws Exception {
        KafkaCircuit circuit = new KafkaCircuit(3, Duration.ofSeconds(1), Clock.systemUTC());
        try (CommandPublisher publisher = new CommandPublisher(KafkaConnection.plain(TestCluster.bootstrapServers()),
                "unwritable-" + UUID.randomUUID(), circuit)) {
            // Built past Profile.of, which would refuse it: what reaches the serializer if a check is ever missed.
            Profile unwritable = new Profile(Map.of("level", new BigDecimal(HUGE)));
            for (int i = 0; i < 5; i++) {
                CompletionException refused = assertThrows(CompletionException.class,
                        () -> publisher.send(profile(unwritable)).join());
                ApiException answer = assertInstanceOf(ApiException.class, refused.getCause());
                assertEquals(400, answer.status());
            }
            assertFalse(circuit.open());

            publisher.send(profile(Profile.of(Map.of("level", 3)))).get(30, TimeUnit.SECONDS);
        }
    }

    private static UserProfile profile(Profile profile) {
        return new UserProfile(UUID.randomUUID().toString(), Api.freshId(), profile, Instant.now());
    }
}

package io.coupon.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.coupon.contract.Stores;
import io.coupon.contract.config.CouponConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two stream instances share the work; an API-only instance has no state at all. Any of them answers any read,
 * forwarding to the instance that owns the key.
 */
class QueryForwardingIT {

    @TempDir
    static Path dataDir;

    private static final List<CouponServer> servers = new ArrayList<>();
    private static CouponServer first;
    private static CouponServer second;
    private static Api viaFirst;
    private static Api viaSecond;
    private static Api viaApiOnly;

    @BeforeAll
    static void cluster() throws Exception {
        Map<String, String> firstEnv = TestCluster.ownBrokerEnv(dataDir.resolve("first"));
        firstEnv.put("COUPON_PARTITIONS", "4");
        first = start(firstEnv);
        viaFirst = Api.at(firstEnv);
        viaFirst.awaitHealthy();

        String bootstrap = "127.0.0.1:" + firstEnv.get("COUPON_EMBEDDED_KAFKA_PORT");
        Map<String, String> secondEnv = TestCluster.serverEnv(dataDir.resolve("second"));
        secondEnv.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        secondEnv.put("COUPON_APPLICATION_ID", firstEnv.get("COUPON_APPLICATION_ID"));
        secondEnv.put("COUPON_ROLE", "stream");
        second = start(secondEnv);
        viaSecond = Api.at(secondEnv);

        Map<String, String> apiEnv = TestCluster.serverEnv(dataDir.resolve("api"));
        apiEnv.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        apiEnv.put("COUPON_ROLE", "api");
        apiEnv.put("COUPON_QUERY_URL", "http://127.0.0.1:" + secondEnv.get("COUPON_HTTP_PORT"));
        start(apiEnv);
        viaApiOnly = Api.at(apiEnv);

        await().atMost(Duration.ofSeconds(90)).until(() -> bothOwnPartitions() && viaFirst.get("/health").status() == 200
                && viaSecond.get("/health").status() == 200);
    }

    @AfterAll
    static void stop() {
        for (int i = servers.size() - 1; i >= 0; i--) {
            servers.get(i).close();
        }
    }

    @Test
    void everyInstanceAnswersEveryWalletWhoeverOwnsIt() {
        long template = viaApiOnly.createTemplate(100, 1);
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long user = Api.freshId();
            users.add(user);
            assertEquals(201, viaApiOnly.claim(template, user).status());
        }
        java.util.Set<Integer> owners = new java.util.HashSet<>();
        for (long user : users) {
            owners.add(owner(first.streams(), Stores.WALLET_STORE, user).port());
            for (Api api : List.of(viaFirst, viaSecond, viaApiOnly)) {
                JsonNode coupons = api.wallet(user);
                assertEquals(1, coupons.size(), "wallet of " + user);
                assertEquals(template, coupons.get(0).get("templateId").asLong());
            }
        }
        assertEquals(2, owners.size(), "both stream instances should own some of the wallets");
    }

    @Test
    void everyInstanceAnswersTheLiveStockOfEveryTemplate() {
        List<Long> templates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long template = viaFirst.createTemplate(5, 1);
            templates.add(template);
            assertEquals(201, viaFirst.claim(template, Api.freshId()).status());
        }
        for (long template : templates) {
            for (Api api : List.of(viaFirst, viaSecond, viaApiOnly)) {
                assertEquals(4, api.remaining(template));
            }
        }
    }

    @Test
    void everyInstanceFindsADecidedClaimByItsRequestId() {
        long template = viaFirst.createTemplate(5, 1);
        Api.Response granted = viaApiOnly.claim(template, Api.freshId(), "Idempotency-Key", "fwd-" + template);
        assertEquals(201, granted.status());
        for (Api api : List.of(viaFirst, viaSecond, viaApiOnly)) {
            Api.Response lookup = api.get("/v1/templates/" + template + "/claims/fwd-" + template);
            assertEquals(200, lookup.status());
            assertEquals(granted.body().get("couponId"), lookup.body().get("couponId"));
        }
    }

    @Test
    void everyInstanceListsTheTemplatesOfBothStreamInstances() {
        List<Long> templates = new ArrayList<>();
        java.util.Set<Integer> owners = new java.util.HashSet<>();
        while (owners.size() < 2 && templates.size() < 40) {
            long template = viaFirst.createTemplate(5, 1);
            templates.add(template);
            owners.add(owner(first.streams(), Stores.TEMPLATE_STORE, template).port());
        }
        assertEquals(2, owners.size(), "both stream instances should own some of the templates");
        for (Api api : List.of(viaFirst, viaSecond, viaApiOnly)) {
            Api.Response listed = api.get("/v1/templates");
            assertEquals(200, listed.status(), listed.body()::toString);
            List<Long> ids = new ArrayList<>();
            listed.body().path("templates").forEach(t -> ids.add(t.path("id").asLong()));
            assertEquals(ids.stream().sorted().toList(), ids, "sorted by id");
            for (long template : templates) {
                assertTrue(ids.contains(template), "template " + template + " listed");
            }
        }
    }

    @Test
    void pagesOfTheTemplateListTogetherAreTheWholeListOnEveryInstance() {
        for (int i = 0; i < 7; i++) {
            viaFirst.createTemplate(5, 1);
        }
        List<Long> whole = new ArrayList<>();
        viaFirst.get("/v1/templates").body().path("templates").forEach(t -> whole.add(t.path("id").asLong()));
        for (Api api : List.of(viaFirst, viaSecond, viaApiOnly)) {
            List<Long> paged = new ArrayList<>();
            String cursor = null;
            do {
                Api.Response page = api.get("/v1/templates?limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
                assertEquals(200, page.status(), page.body()::toString);
                assertTrue(page.body().path("templates").size() <= 3, page.body()::toString);
                page.body().path("templates").forEach(t -> paged.add(t.path("id").asLong()));
                cursor = page.body().path("nextCursor").isNull() ? null : page.body().path("nextCursor").asText();
                assertEquals(cursor != null, page.body().path("truncated").asBoolean(), page.body()::toString);
            } while (cursor != null);
            assertEquals(whole, paged, "the pages, one after another, are the whole list");
        }
    }

    private static boolean bothOwnPartitions() {
        return first.streams().state() == KafkaStreams.State.RUNNING
                && second.streams().state() == KafkaStreams.State.RUNNING
                && first.streams().metadataForAllStreamsClients().size() == 2
                && first.streams().metadataForLocalThreads().stream().anyMatch(t -> !t.activeTasks().isEmpty())
                && second.streams().metadataForLocalThreads().stream().anyMatch(t -> !t.activeTasks().isEmpty());
    }

    private static HostInfo owner(KafkaStreams streams, String store, long key) {
        return streams.queryMetadataForKey(store, key, new LongSerializer()).activeHost();
    }

    private static CouponServer start(Map<String, String> env) throws Exception {
        CouponServer server = new CouponServer(CouponConfig.fromEnv(env),
                Clock.tick(Clock.systemUTC(), Duration.ofMillis(1))).start();
        servers.add(server);
        return server;
    }
}

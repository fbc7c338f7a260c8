package io.coupon.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A claim is answered as soon as the decider has written its answer, not when the decider's transaction commits:
 * with a commit interval six times the claim wait, claims in a row are still all answered 201. And answering
 * early gives up no read-your-writes: a wallet read right after a 201 shows the coupon or, until the commit lets
 * the wallet step apply it, answers 503; it never shows a wallet without it.
 */
class AnswerBeforeCommitIT {

    /** Longer than the quiet spell after which a redemption step commits at once. */
    private static final Duration QUIET_SPELL = Duration.ofMillis(700);

    @TempDir
    static Path dir;
    private static EmbeddedKafkaBroker broker;
    private static CouponServer server;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        broker = TestCluster.startBroker(dir.resolve("kafka"));
        // An external broker, not the embedded default: decisions are answered from the results topics as the
        // decider writes them, which is the path under test.
        Map<String, String> env = TestCluster.serverEnv(dir.resolve("server"), broker);
        // Below Kafka Streams' 10 s transaction timeout under exactly-once, three times the claim wait: a claim
        // answered only at a commit would miss the wait. The wait keeps room for a loaded 2-core machine.
        env.put("COUPON_COMMIT_INTERVAL", "6s");
        env.put("COUPON_CLAIM_WAIT", "2s");
        server = TestCluster.startServer(env);
        api = Api.at(env);
        api.awaitHealthy();
    }

    @AfterAll
    static void stop() {
        TestCluster.closeAll(server, broker);
    }

    /**
     * A template whose first claim has been decided: the claims a test then makes meet a decider that already
     * holds the template's stock, so their answers measure the answer path and nothing that precedes it.
     */
    private static long warmedTemplate() {
        long template = api.createTemplate(10, 1);
        Api.assertOutcome(201, "GRANTED", api.claimDecided(template, Api.freshId()));
        return template;
    }

    @Test
    void claimsInARowAreAnsweredWithoutWaitingForACommit() {
        long template = warmedTemplate();

        for (int i = 0; i < 5; i++) {
            assertEquals(201, api.claim(template, Api.freshId()).status(), "claim " + i);
        }
    }

    @Test
    void aWalletReadRightAfterTheAnswerNeverLacksTheCoupon() {
        long template = warmedTemplate();
        long user = Api.freshId();
        assertEquals(201, api.claim(template, user).status());

        Api.Response read = api.get("/v1/users/" + user + "/coupons");

        assertTrue(read.status() == 503 || read.status() == 200 && read.body().get("coupons").size() == 1,
                () -> "a wallet read after the 201: " + read.status() + " " + read.body());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertEquals(1, api.wallet(user).size()));
    }

    @Test
    void aRedemptionStepOnAQuietWalletIsAnsweredWithoutWaitingForTheCommitInterval() {
        long template = warmedTemplate();
        long user = Api.freshId();
        Api.Response granted = api.claim(template, user);
        assertEquals(201, granted.status());
        String coupon = granted.body().get("couponId").asText();
        // the grant itself reaches the wallet at the decider's commit, up to the 6 s interval later
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertEquals(1, api.wallet(user).size()));
        String order = "O-" + user;

        // Each step is answered within the 2 s wait only if its own commit comes before the interval is up: by
        // chance, all three would meet a 6 s interval's commit about once in thirty runs. Between steps the
        // wallet is watched (reads write nothing) for longer than the quiet spell, as one user checking out on an
        // idle server leaves it.
        Api.Response locked = api.post("/v1/redemptions", String.format(
                "{\"orderId\": \"%s\", \"userId\": %d, \"couponId\": \"%s\", \"orderAmount\": 250.00}",
                order, user, coupon));
        assertEquals(201, locked.status(), locked.body().toString());
        couponStaysQuietly(user, "LOCKED");

        Api.Response cancelled = api.post("/v1/redemptions/" + order + "/cancel", "{\"userId\": " + user + "}");
        assertEquals(200, cancelled.status(), cancelled.body().toString());
        assertEquals("CANCELLED", cancelled.body().get("status").asText());
        couponStaysQuietly(user, "UNUSED");

        Api.Response again = api.post("/v1/redemptions/" + order + "/cancel", "{\"userId\": " + user + "}");
        assertEquals(200, again.status(), again.body().toString());
    }

    /** The user's one coupon shows {@code status} for a whole quiet spell, with no wallet command written. */
    private static void couponStaysQuietly(long user, String status) {
        await().during(QUIET_SPELL).atMost(QUIET_SPELL.multipliedBy(4)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertEquals(status, api.wallet(user).get(0).get("status").asText()));
    }
}

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
}

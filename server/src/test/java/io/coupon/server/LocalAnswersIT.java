package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The all-in-one on its embedded broker answers a rejection as its decider decides it, a grant from its wallet
 * record, and a retry of a grant from claim-results read in batches: every answer the same as elsewhere.
 */
class LocalAnswersIT {

    @TempDir
    static Path dataDir;
    private static CouponServer server;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = TestCluster.ownBrokerEnv(dataDir);
        server = TestCluster.startServer(env);
        api = new Api("http://127.0.0.1:" + env.get("COUPON_HTTP_PORT"));
        api.awaitHealthy();
    }

    @AfterAll
    static void stop() {
        TestCluster.closeAll(server);
    }

    @Test
    void aRejectionIsAnsweredWithItsStatus() {
        long template = api.createTemplate(1, 1);
        assertEquals(201, api.claim(template, 1).status());

        Api.Response soldOut = api.claim(template, 2);

        Api.assertOutcome(409, "SOLD_OUT", soldOut);
    }

    @Test
    void aRetriedRejectionIsAnsweredAsTheReplayOfTheFirst() {
        long template = api.createTemplate(1, 1);
        api.claim(template, 1);
        Api.Response first = api.claim(template, 2, "Idempotency-Key", "local-rejection");

        Api.Response retry = api.claim(template, 2, "Idempotency-Key", "local-rejection");

        Api.assertOutcome(409, "SOLD_OUT", retry);
        assertEquals(first.body().get("requestId"), retry.body().get("requestId"));
    }

    @Test
    void aRetriedGrantIsAnsweredWithTheSameCoupon() {
        long template = api.createTemplate(5, 1);
        Api.Response first = api.claim(template, 1, "Idempotency-Key", "local-grant");

        Api.Response retry = api.claim(template, 1, "Idempotency-Key", "local-grant");

        Api.assertOutcome(201, "GRANTED", retry);
        assertEquals(first.body().get("couponId"), retry.body().get("couponId"));
        assertEquals(4, api.remaining(template), "the retry granted nothing");
    }

    @Test
    void aGrantIsInTheWalletReadRightAfterIts201() {
        long template = api.createTemplate(5, 1);
        Api.Response granted = api.claim(template, 7);

        JsonNode wallet = api.wallet(7);

        assertEquals(201, granted.status());
        assertTrue(wallet.toString().contains(granted.body().get("couponId").asText()), wallet.toString());
    }
}

package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The all-in-one on its embedded broker answers every claim as its decider decides it, before the decision
 * reaches any partition: every answer the same as elsewhere, and the coupon of each 201 in the very next wallet
 * read and found by a Try sent the moment the 201 arrives.
 */
class LocalAnswersIT {

    /** Claims in a row: each answered before its commit, so an unguarded read or Try would miss some of them. */
    private static final int ROUNDS = 20;

    @TempDir
    static Path dataDir;
    private static CouponServer server;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        Map<String, String> env = TestCluster.ownBrokerEnv(dataDir);
        server = TestCluster.startServer(env);
        api = Api.at(env);
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
    void everyGrantIsInTheWalletReadRightAfterIts201() {
        rightAfterEach201((user, coupon) -> {
            JsonNode wallet = api.wallet(user);

            assertTrue(wallet.toString().contains(coupon), wallet.toString());
        });
    }

    @Test
    void aTrySentTheMomentA201ArrivesFindsTheCoupon() {
        rightAfterEach201((user, coupon) -> {
            Api.Response locked = api.post("/v1/redemptions", String.format(
                    "{\"orderId\": \"O-%d\", \"userId\": %d, \"couponId\": \"%s\", \"orderAmount\": 250.00}",
                    user, user, coupon));

            assertEquals(201, locked.status(), locked.body().toString());
            assertEquals("LOCKED", locked.body().get("status").asText());
        });
    }

    /** Grants {@link #ROUNDS} fresh users a coupon each, and runs {@code next} the moment each 201 arrives. */
    private static void rightAfterEach201(BiConsumer<Long, String> next) {
        long template = api.createTemplate(ROUNDS, 1);
        for (int i = 0; i < ROUNDS; i++) {
            long user = Api.freshId();
            Api.Response granted = api.claim(template, user);
            Api.assertOutcome(201, "GRANTED", granted);
            next.accept(user, granted.body().get("couponId").asText());
        }
    }
}

package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The blocklist over real HTTP: a block is seen by the very next claim, and so is its removal. */
class BlocklistIT {

    private static Api api;

    @BeforeAll
    static void cluster() {
        api = TestCluster.api().withOwnConnections();
    }

    @Test
    void rejectsAClaimByABlockedUserAndTakesNothing() {
        long template = api.createTemplate(10, 1);
        long user = Api.freshId();

        assertEquals(204, api.put("/v1/users/" + user + "/block").status());
        Api.Response claim = api.claimDecided(template, user);

        Api.assertOutcome(409, "BLOCKED", claim);
        Api.assertErrorBody(claim.body());
        assertEquals(10, api.remaining(template));
        assertEquals(0, api.coupons(user, template).size());
    }

    @Test
    void grantsAgainOnceTheBlockIsRemoved() {
        long template = api.createTemplate(10, 1);
        long user = Api.freshId();
        assertEquals(204, api.put("/v1/users/" + user + "/block").status());
        Api.assertOutcome(409, "BLOCKED", api.claimDecided(template, user));

        assertEquals(204, api.delete("/v1/users/" + user + "/block").status());
        Api.Response claim = api.claimDecided(template, user);

        Api.assertOutcome(201, "GRANTED", claim);
        assertEquals(9, api.remaining(template));
    }

    @Test
    void blockingTwiceAnswers204BothTimesAndStillBlocks() {
        long template = api.createTemplate(10, 1);
        long user = Api.freshId();

        assertEquals(204, api.put("/v1/users/" + user + "/block").status());
        assertEquals(204, api.put("/v1/users/" + user + "/block").status());

        Api.assertOutcome(409, "BLOCKED", api.claimDecided(template, user));
    }

    @Test
    void unblockingAUserNeverBlockedAnswers204AndChangesNothing() {
        long template = api.createTemplate(10, 1);
        long user = Api.freshId();

        assertEquals(204, api.delete("/v1/users/" + user + "/block").status());

        Api.assertOutcome(201, "GRANTED", api.claimDecided(template, user));
    }

    @Test
    void blocksAUserForEveryTemplate() {
        long first = api.createTemplate(10, 1);
        long second = api.createTemplate(10, 1);
        long user = Api.freshId();

        assertEquals(204, api.put("/v1/users/" + user + "/block").status());

        Api.assertOutcome(409, "BLOCKED", api.claimDecided(first, user));
        Api.assertOutcome(409, "BLOCKED", api.claimDecided(second, user));
    }
}

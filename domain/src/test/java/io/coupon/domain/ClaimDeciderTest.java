package io.coupon.domain;

import static io.coupon.domain.TemplateBuilder.END;
import static io.coupon.domain.TemplateBuilder.START;
import static io.coupon.domain.TemplateBuilder.aTemplate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClaimDeciderTest {

    private static final long USER = 1001;
    private static final long OTHER_USER = 1002;
    private static final Instant OPEN = START.plus(Duration.ofHours(1));

    private static final Template TEMPLATE = aTemplate().id(42).totalCount(10).perUserLimit(1).build();

    // --- the template and its window

    @Test
    void rejectsClaimOfUnknownTemplateWithoutRecordingIt() {
        ClaimDecision decision = ClaimDecider.decide(new ClaimState(null, null, 0, false, null), request(USER, "r1"));

        assertEquals(ClaimStatus.UNKNOWN_TEMPLATE, decision.outcome().status());
        assertEquals(ClaimDecision.Kind.UNRECORDED, decision.kind());
        assertNull(decision.stockAfter());
        assertEquals(0, decision.userClaimsAfter());
    }

    @Test
    void rejectsClaimBeforeStartTimeAsNotStarted() {
        ClaimDecision decision = decide(fresh(TEMPLATE), request(USER, "r1", START.minusMillis(1)));

        assertRejectedChangingNothing(ClaimStatus.NOT_STARTED, fresh(TEMPLATE), decision);
    }

    @Test
    void grantsClaimAtStartTimeExactly() {
        ClaimDecision decision = decide(fresh(TEMPLATE), request(USER, "r1", START));

        assertEquals(ClaimStatus.GRANTED, decision.outcome().status());
    }

    @Test
    void grantsClaimOneMillisecondBeforeEndTime() {
        ClaimDecision decision = decide(fresh(TEMPLATE), request(USER, "r1", END.minusMillis(1)));

        assertEquals(ClaimStatus.GRANTED, decision.outcome().status());
    }

    @Test
    void rejectsClaimAtEndTimeExactlyAsEnded() {
        ClaimDecision decision = decide(fresh(TEMPLATE), request(USER, "r1", END));

        assertRejectedChangingNothing(ClaimStatus.ENDED, fresh(TEMPLATE), decision);
    }

    @Test
    void rejectsClaimAfterEndTimeAsEnded() {
        ClaimDecision decision = decide(fresh(TEMPLATE), request(USER, "r1", END.plusSeconds(3600)));

        assertRejectedChangingNothing(ClaimStatus.ENDED, fresh(TEMPLATE), decision);
    }

    // --- blocklist, per-user limit, stock

    @Test
    void rejectsBlockedUserWithoutTakingStock() {
        ClaimState state = new ClaimState(TEMPLATE, Stock.of(TEMPLATE), 0, true, null);

        assertRejectedChangingNothing(ClaimStatus.BLOCKED, state, decide(state, request(USER, "r1")));
    }

    @Test
    void rejectsUserAtPerUserLimit() {
        Template twoPerUser = aTemplate().perUserLimit(2).build();
        ClaimState state = new ClaimState(twoPerUser, Stock.of(twoPerUser), 2, false, null);

        assertRejectedChangingNothing(ClaimStatus.LIMIT_EXCEEDED, state, decide(state, request(USER, "r1")));
    }

    @Test
    void grantsUserBelowPerUserLimit() {
        Template twoPerUser = aTemplate().perUserLimit(2).build();
        ClaimState state = new ClaimState(twoPerUser, Stock.of(twoPerUser), 1, false, null);

        ClaimDecision decision = decide(state, request(USER, "r1"));

        assertEquals(ClaimStatus.GRANTED, decision.outcome().status());
        assertEquals(2, decision.userClaimsAfter());
    }

    @Test
    void rejectsClaimWhenSoldOut() {
        ClaimState state = new ClaimState(TEMPLATE, new Stock(10, 10), 0, false, null);

        assertRejectedChangingNothing(ClaimStatus.SOLD_OUT, state, decide(state, request(USER, "r1")));
    }

    @Test
    void grantsTheLastRemainingUnit() {
        ClaimState state = new ClaimState(TEMPLATE, new Stock(10, 9), 0, false, null);

        ClaimDecision decision = decide(state, request(USER, "r1"));

        assertEquals(ClaimStatus.GRANTED, decision.outcome().status());
        assertEquals(new Stock(10, 10), decision.stockAfter());
    }

    // --- what a grant changes and carries

    @Test
    void grantTakesExactlyOneUnit() {
        ClaimState state = new ClaimState(TEMPLATE, new Stock(10, 3), 0, false, null);

        ClaimDecision decision = decide(state, request(USER, "r1"));

        assertEquals(new Stock(10, 4), decision.stockAfter());
    }

    @Test
    void grantIncrementsUserClaimCount() {
        ClaimDecision decision = decide(fresh(TEMPLATE), request(USER, "r1"));

        assertEquals(1, decision.userClaimsAfter());
    }

    @Test
    void grantIsFreshAndToBeRecorded() {
        ClaimDecision decision = decide(fresh(TEMPLATE), request(USER, "r1"));

        assertEquals(ClaimDecision.Kind.FRESH, decision.kind());
        assertTrue(decision.freshGrant());
    }

    @Test
    void firstGrantOfTemplateGetsCouponIdWithSequenceOne() {
        ClaimDecision decision = decide(fresh(TEMPLATE), request(USER, "r1"));

        assertEquals("42-1", decision.outcome().couponId());
    }

    @Test
    void couponIdIsTemplateIdDashGrantSequence() {
        ClaimState state = new ClaimState(TEMPLATE, new Stock(10, 3), 0, false, null);

        assertEquals("42-4", decide(state, request(USER, "r1")).outcome().couponId());
    }

    @Test
    void sameStateAndRequestAlwaysGiveTheSameCouponId() {
        ClaimState state = new ClaimState(TEMPLATE, new Stock(10, 6), 0, false, null);

        assertEquals(decide(state, request(USER, "r1")).outcome(), decide(state, request(USER, "r1")).outcome());
    }

    @Test
    void grantedOutcomeEchoesTheRequestAndIsDecidedAtRequestedAt() {
        ClaimOutcome outcome = decide(fresh(TEMPLATE), request(USER, "r1", OPEN)).outcome();

        assertEquals("r1", outcome.requestId());
        assertEquals(42, outcome.templateId());
        assertEquals(USER, outcome.userId());
        assertEquals(OPEN, outcome.decidedAt());
    }

    @Test
    void rejectionCarriesNoCouponIdAndNoExpiry() {
        ClaimState state = new ClaimState(TEMPLATE, new Stock(10, 10), 0, false, null);

        ClaimOutcome outcome = decide(state, request(USER, "r1")).outcome();

        assertNull(outcome.couponId());
        assertNull(outcome.expiresAt());
    }

    @Test
    void couponExpiresValidDaysAfterClaim() {
        Template longRunning = aTemplate().validDays(7).endTime(START.plus(Duration.ofDays(30))).build();

        ClaimOutcome outcome = decide(fresh(longRunning), request(USER, "r1", OPEN)).outcome();

        assertEquals(OPEN.plus(Duration.ofHours(7 * 24)), outcome.expiresAt());
    }

    @Test
    void couponExpiryIsCappedAtEndTime() {
        Template endsSoon = aTemplate().validDays(7).build();

        ClaimOutcome outcome = decide(fresh(endsSoon), request(USER, "r1", END.minusSeconds(3600))).outcome();

        assertEquals(END, outcome.expiresAt());
    }

    @Test
    void couponWithoutValidDaysExpiresAtEndTime() {
        Template noValidity = aTemplate().validDays(null).endTime(START.plus(Duration.ofDays(30))).build();

        ClaimOutcome outcome = decide(fresh(noValidity), request(USER, "r1", OPEN)).outcome();

        assertEquals(START.plus(Duration.ofDays(30)), outcome.expiresAt());
    }

    // --- idempotency

    @Test
    void replaysFirstOutcomeForSameIdempotencyKey() {
        ClaimOutcome first = decide(fresh(TEMPLATE), request(USER, "r1", OPEN)).outcome();
        ClaimState afterFirst = new ClaimState(TEMPLATE, new Stock(10, 1), 1, false, first);

        ClaimDecision retry = decide(afterFirst, request(USER, "r1", OPEN.plusSeconds(5)));

        assertEquals(first.asReplay(), retry.outcome());
        assertEquals(ClaimDecision.Kind.REPLAY, retry.kind());
    }

    @Test
    void replayChangesNothing() {
        ClaimOutcome first = decide(fresh(TEMPLATE), request(USER, "r1")).outcome();
        ClaimState afterFirst = new ClaimState(TEMPLATE, new Stock(10, 1), 1, false, first);

        ClaimDecision retry = decide(afterFirst, request(USER, "r1"));

        assertEquals(new Stock(10, 1), retry.stockAfter());
        assertEquals(1, retry.userClaimsAfter());
        assertFalse(retry.fresh());
        assertFalse(retry.freshGrant());
    }

    @Test
    void replaysFirstRejectionEvenIfItWouldNowBeGranted() {
        ClaimState soldOut = new ClaimState(TEMPLATE, new Stock(10, 10), 0, false, null);
        ClaimOutcome first = decide(soldOut, request(USER, "r1")).outcome();
        ClaimState restocked = new ClaimState(TEMPLATE, new Stock(20, 10), 0, false, first);

        ClaimDecision retry = decide(restocked, request(USER, "r1"));

        assertEquals(ClaimStatus.SOLD_OUT, retry.outcome().status());
        assertEquals(ClaimDecision.Kind.REPLAY, retry.kind());
    }

    @Test
    void replaysGrantAfterWindowClosedAndUserBlocked() {
        ClaimOutcome first = decide(fresh(TEMPLATE), request(USER, "r1", OPEN)).outcome();
        ClaimState now = new ClaimState(TEMPLATE, new Stock(10, 10), 1, true, first);

        ClaimDecision retry = decide(now, request(USER, "r1", END.plusSeconds(60)));

        assertEquals(first.asReplay(), retry.outcome());
        assertEquals(ClaimDecision.Kind.REPLAY, retry.kind());
    }

    @Test
    void rejectsSameKeyFromAnotherUserAsKeyReusedWithoutRecordingIt() {
        ClaimOutcome first = decide(fresh(TEMPLATE), request(USER, "r1")).outcome();
        ClaimState afterFirst = new ClaimState(TEMPLATE, new Stock(10, 1), 0, false, first);

        ClaimDecision other = decide(afterFirst, request(OTHER_USER, "r1"));

        assertEquals(ClaimStatus.KEY_REUSED, other.outcome().status());
        assertEquals(ClaimDecision.Kind.UNRECORDED, other.kind());
        assertEquals(new Stock(10, 1), other.stockAfter());
        assertEquals(0, other.userClaimsAfter());
    }

    @Test
    void keyReusedOutcomeIsAboutTheOtherUserAndHidesTheFirstCoupon() {
        ClaimOutcome first = decide(fresh(TEMPLATE), request(USER, "r1", OPEN)).outcome();
        ClaimState afterFirst = new ClaimState(TEMPLATE, new Stock(10, 1), 0, false, first);

        ClaimOutcome other = decide(afterFirst, request(OTHER_USER, "r1", OPEN.plusSeconds(1))).outcome();

        assertEquals(new ClaimOutcome("r1", 42, OTHER_USER, ClaimStatus.KEY_REUSED, null, null,
                OPEN.plusSeconds(1)), other);
    }

    // --- the order of the checks

    @Test
    void blockedUserOnSoldOutTemplateIsBlocked() {
        ClaimState state = new ClaimState(TEMPLATE, new Stock(10, 10), 0, true, null);

        assertEquals(ClaimStatus.BLOCKED, decide(state, request(USER, "r1")).outcome().status());
    }

    @Test
    void userAtLimitOnSoldOutTemplateGetsLimitExceededNotSoldOut() {
        ClaimState state = new ClaimState(TEMPLATE, new Stock(10, 10), 1, false, null);

        assertEquals(ClaimStatus.LIMIT_EXCEEDED, decide(state, request(USER, "r1")).outcome().status());
    }

    @Test
    void blockedUserAtLimitIsBlocked() {
        ClaimState state = new ClaimState(TEMPLATE, Stock.of(TEMPLATE), 1, true, null);

        assertEquals(ClaimStatus.BLOCKED, decide(state, request(USER, "r1")).outcome().status());
    }

    @Test
    void blockedUserAfterEndTimeIsToldEnded() {
        ClaimState state = new ClaimState(TEMPLATE, new Stock(10, 10), 1, true, null);

        assertEquals(ClaimStatus.ENDED, decide(state, request(USER, "r1", END)).outcome().status());
    }

    @Test
    void blockedUserBeforeStartTimeIsToldNotStarted() {
        ClaimState state = new ClaimState(TEMPLATE, new Stock(10, 10), 1, true, null);

        assertEquals(ClaimStatus.NOT_STARTED,
                decide(state, request(USER, "r1", START.minusSeconds(1))).outcome().status());
    }

    // --- the audience

    @Test
    void userOutsideTheAudienceIsNotEligibleAndTakesNoStock() {
        ClaimState state = new ClaimState(TEMPLATE, Stock.of(TEMPLATE), 0, false, null, true);

        assertRejectedChangingNothing(ClaimStatus.NOT_ELIGIBLE, state, decide(state, request(USER, "r1")));
    }

    @Test
    void blockedUserOutsideTheAudienceIsBlocked() {
        ClaimState state = new ClaimState(TEMPLATE, Stock.of(TEMPLATE), 0, true, null, true);

        assertEquals(ClaimStatus.BLOCKED, decide(state, request(USER, "r1")).outcome().status());
    }

    @Test
    void userOutsideTheAudienceAtLimitOnSoldOutTemplateIsNotEligible() {
        ClaimState state = new ClaimState(TEMPLATE, new Stock(10, 10), 1, false, null, true);

        assertEquals(ClaimStatus.NOT_ELIGIBLE, decide(state, request(USER, "r1")).outcome().status());
    }

    @Test
    void userOutsideTheAudienceAfterEndTimeIsToldEnded() {
        ClaimState state = new ClaimState(TEMPLATE, Stock.of(TEMPLATE), 0, false, null, true);

        assertEquals(ClaimStatus.ENDED, decide(state, request(USER, "r1", END)).outcome().status());
    }

    // --- helpers

    private static ClaimDecision decide(ClaimState state, ClaimRequest request) {
        return ClaimDecider.decide(state, request);
    }

    private static ClaimState fresh(Template template) {
        return new ClaimState(template, Stock.of(template), 0, false, null);
    }

    private static ClaimRequest request(long userId, String requestId) {
        return request(userId, requestId, OPEN);
    }

    private static ClaimRequest request(long userId, String requestId, Instant at) {
        return new ClaimRequest(TEMPLATE.id(), userId, requestId, at);
    }

    private static void assertRejectedChangingNothing(ClaimStatus expected, ClaimState before, ClaimDecision decision) {
        assertEquals(expected, decision.outcome().status());
        assertEquals(ClaimDecision.Kind.FRESH, decision.kind(), "a rejection is recorded under its request id");
        assertEquals(before.stock(), decision.stockAfter(), "a rejection takes no stock");
        assertEquals(before.userClaims(), decision.userClaimsAfter(), "a rejection counts nothing for the user");
        assertNull(decision.outcome().couponId());
    }
}

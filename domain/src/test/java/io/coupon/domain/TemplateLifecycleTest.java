package io.coupon.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateLifecycleTest {

    private static final Instant AT = TemplateBuilder.START.plus(Duration.ofHours(1));
    private final Template template = TemplateBuilder.aTemplate().totalCount(10).build();
    private final Stock stock = new Stock(10, 4);

    @Test
    void pauseMakesClaimsPausedAndResumeGrantsAgain() {
        Template paused = apply(patch(CampaignStatus.PAUSED, null, null)).template();
        Template resumed = TemplateLifecycle.apply(paused, stock, patch(CampaignStatus.ACTIVE, null, null), AT)
                .template();

        assertEquals(ClaimStatus.PAUSED, decide(paused).outcome().status());
        assertEquals(TemplateStatus.PAUSED, paused.statusAt(AT, stock));
        assertEquals(ClaimStatus.GRANTED, decide(resumed).outcome().status());
    }

    @Test
    void endedWinsOverPausedAndPausedOverSoldOut() {
        Template paused = apply(patch(CampaignStatus.PAUSED, null, null)).template();
        Stock soldOut = new Stock(10, 10);

        assertEquals(TemplateStatus.PAUSED, paused.statusAt(AT, soldOut));
        assertEquals(TemplateStatus.ENDED, paused.statusAt(TemplateBuilder.END, soldOut));
        Template ended = TemplateLifecycle.apply(paused, stock, patch(CampaignStatus.ENDED, null, null), AT)
                .template();
        assertEquals(TemplateStatus.ENDED, ended.statusAt(AT, soldOut));
    }

    @Test
    void endingIsFinal() {
        TemplateLifecycle.Outcome ended = apply(patch(CampaignStatus.ENDED, null, null));

        TemplateLifecycle.Outcome resume = TemplateLifecycle.apply(ended.template(), ended.stock(),
                patch(CampaignStatus.ACTIVE, null, null), AT);
        TemplateLifecycle.Outcome endAgain = TemplateLifecycle.apply(ended.template(), ended.stock(),
                patch(CampaignStatus.ENDED, null, null), AT);

        assertEquals(ClaimStatus.ENDED, decide(ended.template()).outcome().status());
        assertEquals(TemplateLifecycle.Result.ENDED, resume.result());
        assertSame(ended.template(), resume.template());
        assertEquals(TemplateLifecycle.Result.APPLIED, endAgain.result(), "ending an ended template changes nothing");
    }

    @Test
    void aTemplatePastItsWindowCannotChangeEither() {
        TemplateLifecycle.Outcome extend = TemplateLifecycle.apply(template, stock,
                patch(null, null, TemplateBuilder.END.plus(Duration.ofDays(1))), TemplateBuilder.END);

        assertEquals(TemplateLifecycle.Result.ENDED, extend.result());
    }

    @Test
    void restockRaisesTheTotalAndKeepsWhatWasGranted() {
        TemplateLifecycle.Outcome restocked = apply(patch(null, 25L, null));

        assertEquals(new Stock(25, 4), restocked.stock());
        assertEquals(25, restocked.template().totalCount());
    }

    @Test
    void theTotalMayBeLoweredToTheUnitsGrantedButNotBelow() {
        assertEquals(new Stock(4, 4), apply(patch(null, 4L, null)).stock());

        TemplateLifecycle.Outcome below = apply(patch(null, 3L, null));
        assertEquals(TemplateLifecycle.Result.BELOW_GRANTED, below.result());
        assertSame(stock, below.stock());
    }

    @Test
    void theEndTimeMayMoveButNotIntoThePastNorBeforeTheStart() {
        Instant sooner = AT.plus(Duration.ofHours(2));
        assertEquals(sooner, apply(patch(null, null, sooner)).template().endTime());

        assertEquals(TemplateLifecycle.Result.INVALID, apply(patch(null, null, AT.minusSeconds(1))).result());
        assertEquals(TemplateLifecycle.Result.INVALID,
                apply(patch(null, null, TemplateBuilder.START.minusSeconds(1))).result());
    }

    @Test
    void nameAndMetadataAreReplaced() {
        TemplateLifecycle.Outcome outcome = TemplateLifecycle.apply(template, stock,
                new TemplatePatch(null, null, null, "Renamed", Map.of("campaign", "d11")), AT);

        assertEquals("Renamed", outcome.template().name());
        assertEquals(Map.of("campaign", "d11"), outcome.template().metadata());
        assertEquals(template.discount(), outcome.template().discount());
    }

    @Test
    void anUnknownTemplateIsReported() {
        TemplateLifecycle.Outcome outcome = TemplateLifecycle.apply(null, null, patch(null, 5L, null), AT);

        assertEquals(TemplateLifecycle.Result.UNKNOWN_TEMPLATE, outcome.result());
        assertNull(outcome.template());
    }

    private TemplateLifecycle.Outcome apply(TemplatePatch patch) {
        return TemplateLifecycle.apply(template, stock, patch, AT);
    }

    private static TemplatePatch patch(CampaignStatus status, Long totalCount, Instant endTime) {
        return new TemplatePatch(status, totalCount, endTime, null, null);
    }

    private ClaimDecision decide(Template t) {
        return ClaimDecider.decide(new ClaimState(t, stock, 0, false, null),
                new ClaimRequest(t.id(), 7, "r-1", AT));
    }
}

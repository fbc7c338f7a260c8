package io.coupon.domain;

import static io.coupon.domain.TemplateBuilder.END;
import static io.coupon.domain.TemplateBuilder.START;
import static io.coupon.domain.TemplateBuilder.aTemplate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateValidationTest {

    /** Well before the template starts: nothing is "already past" unless a test says so. */
    private static final Instant NOW = START.minusSeconds(86_400);

    @Test
    void validThresholdTemplateHasNoProblems() {
        assertEquals(List.of(), problems(aTemplate()));
    }

    @Test
    void validCashTemplateHasNoProblems() {
        assertEquals(List.of(), problems(aTemplate().cash()));
    }

    @Test
    void validCashTemplateMayStateAZeroThreshold() {
        assertEquals(List.of(), problems(aTemplate().cash().threshold("0")));
    }

    @Test
    void validDiscountTemplateHasNoProblems() {
        assertEquals(List.of(), problems(aTemplate().percentOff()));
    }

    @Test
    void validDiscountTemplateMayHaveAThresholdAndNoCap() {
        assertEquals(List.of(), problems(aTemplate().percentOff().threshold("100.00").maxDiscount(null)));
    }

    @Test
    void validTemplateMayOmitValidDays() {
        assertEquals(List.of(), problems(aTemplate().validDays(null)));
    }

    @Test
    void nameOfExactly200CharactersIsAccepted() {
        assertEquals(List.of(), problems(aTemplate().name("n".repeat(200))));
    }

    @Test
    void rejectsZeroId() {
        assertEquals(List.of("id must be a positive integer"), problems(aTemplate().id(0)));
    }

    @Test
    void rejectsNegativeId() {
        assertEquals(List.of("id must be a positive integer"), problems(aTemplate().id(-5)));
    }

    @Test
    void rejectsMissingName() {
        assertEquals(List.of("name is required"), problems(aTemplate().name(null)));
    }

    @Test
    void rejectsBlankName() {
        assertEquals(List.of("name is required"), problems(aTemplate().name("   ")));
    }

    @Test
    void rejectsNameLongerThan200Characters() {
        assertEquals(List.of("name must be at most 200 characters"), problems(aTemplate().name("n".repeat(201))));
    }

    @Test
    void rejectsMissingType() {
        assertEquals(List.of("type is required"), problems(aTemplate().type(null).threshold(null)));
    }

    @Test
    void rejectsMissingDiscount() {
        assertEquals(List.of("discount is required"), problems(aTemplate().discount(null)));
    }

    @Test
    void rejectsZeroDiscount() {
        assertEquals(List.of("discount must be positive"), problems(aTemplate().discount("0.00")));
    }

    @Test
    void rejectsNegativeDiscount() {
        assertEquals(List.of("discount must be positive"), problems(aTemplate().discount("-20.00")));
    }

    @Test
    void rejectsDiscountFactorOfOneOrMore() {
        assertEquals(List.of("discount of a DISCOUNT coupon is the factor paid and must be between 0 and 1"),
                problems(aTemplate().percentOff().discount("1")));
    }

    @Test
    void rejectsNegativeThreshold() {
        assertEquals(List.of("threshold must not be negative"),
                problems(aTemplate().percentOff().threshold("-1.00")));
    }

    @Test
    void rejectsNonZeroThresholdOnCashCoupon() {
        assertEquals(List.of("a CASH coupon has no threshold (use THRESHOLD)"),
                problems(aTemplate().cash().threshold("50.00")));
    }

    @Test
    void rejectsThresholdCouponWithoutThreshold() {
        assertEquals(List.of("a THRESHOLD coupon needs a positive threshold"), problems(aTemplate().threshold(null)));
    }

    @Test
    void rejectsThresholdCouponWithZeroThreshold() {
        assertEquals(List.of("a THRESHOLD coupon needs a positive threshold"), problems(aTemplate().threshold("0")));
    }

    @Test
    void rejectsMaxDiscountOnCouponThatIsNotDiscount() {
        assertEquals(List.of("maxDiscount applies to DISCOUNT coupons only"),
                problems(aTemplate().maxDiscount("30.00")));
    }

    @Test
    void rejectsNonPositiveMaxDiscount() {
        assertEquals(List.of("maxDiscount must be positive"), problems(aTemplate().percentOff().maxDiscount("0")));
    }

    @Test
    void rejectsTotalCountBelowOne() {
        assertEquals(List.of("totalCount must be at least 1"), problems(aTemplate().totalCount(0)));
    }

    @Test
    void rejectsPerUserLimitBelowOne() {
        assertEquals(List.of("perUserLimit must be at least 1"), problems(aTemplate().perUserLimit(0)));
    }

    @Test
    void rejectsValidDaysBelowOne() {
        assertEquals(List.of("validDays must be at least 1"), problems(aTemplate().validDays(0)));
    }

    @Test
    void rejectsMissingStartTime() {
        assertEquals(List.of("startTime and endTime are required"), problems(aTemplate().startTime(null)));
    }

    @Test
    void rejectsMissingEndTime() {
        assertEquals(List.of("startTime and endTime are required"), problems(aTemplate().endTime(null)));
    }

    @Test
    void rejectsEndTimeEqualToStartTime() {
        assertEquals(List.of("endTime must be after startTime"), problems(aTemplate().endTime(START)));
    }

    @Test
    void rejectsEndTimeBeforeStartTime() {
        assertEquals(List.of("endTime must be after startTime"),
                problems(aTemplate().startTime(END).endTime(START)));
    }

    @Test
    void rejectsEndTimeAlreadyPast() {
        assertEquals(List.of("endTime is already past"),
                TemplateValidation.problems(aTemplate().build(), END.plusSeconds(1)));
    }

    @Test
    void rejectsEndTimeThatIsNow() {
        assertEquals(List.of("endTime is already past"), TemplateValidation.problems(aTemplate().build(), END));
    }

    @Test
    void rejectsAnEndTimeBeyondWhatADatetimeHolds() {
        assertEquals(List.of("endTime must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z"),
                problems(aTemplate().endTime(Instant.parse("+99999-01-01T00:00:00Z"))));
    }

    @Test
    void rejectsAnEndTimeWithinTheLastMillisecondOfYear9999ButPastIt() {
        assertEquals(List.of("endTime must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z"),
                problems(aTemplate().endTime(Instant.parse("9999-12-31T23:59:59.9995Z"))));
    }

    @Test
    void acceptsTheLastInstantADatetimeHolds() {
        assertEquals(List.of(), problems(aTemplate().endTime(TemplateValidation.LATEST_TIME)));
    }

    @Test
    void rejectsAStartTimeBeforeTheEpoch() {
        assertEquals(List.of("startTime must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z"),
                TemplateValidation.problems(aTemplate().startTime(Instant.parse("1969-12-31T23:59:59Z")).build(),
                        Instant.parse("1969-01-01T00:00:00Z")));
    }

    @Test
    void acceptsAStartTimeAtTheEpoch() {
        assertEquals(List.of(), TemplateValidation.problems(aTemplate().startTime(Instant.EPOCH).build(), NOW));
    }

    @Test
    void acceptsTemplateThatHasAlreadyStarted() {
        assertEquals(List.of(), TemplateValidation.problems(aTemplate().build(), START.plusSeconds(60)));
    }

    @Test
    void listsEveryProblemAtOnce() {
        Template bad = aTemplate().id(0).name("").totalCount(0).perUserLimit(0).build();

        assertEquals(List.of("id must be a positive integer", "name is required", "totalCount must be at least 1",
                "perUserLimit must be at least 1"), TemplateValidation.problems(bad, NOW));
    }

    private static List<String> problems(TemplateBuilder template) {
        return TemplateValidation.problems(template.build(), NOW);
    }
}

package io.coupon.domain;

import static io.coupon.domain.TemplateBuilder.END;
import static io.coupon.domain.TemplateBuilder.START;
import static io.coupon.domain.TemplateBuilder.aTemplate;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A template's outside status at a moment (what GET /v1/templates/{id} shows). */
class TemplateTest {

    private static final Template TEMPLATE = aTemplate().totalCount(10).build();
    private static final Instant OPEN = START.plusSeconds(3600);

    @Test
    void isNotStartedBeforeStartTime() {
        assertEquals(TemplateStatus.NOT_STARTED, TEMPLATE.statusAt(START.minusMillis(1), new Stock(10, 0)));
    }

    @Test
    void isActiveFromStartTimeWhileStockRemains() {
        assertEquals(TemplateStatus.ACTIVE, TEMPLATE.statusAt(START, new Stock(10, 9)));
    }

    @Test
    void isSoldOutInsideTheWindowWhenNothingRemains() {
        assertEquals(TemplateStatus.SOLD_OUT, TEMPLATE.statusAt(OPEN, new Stock(10, 10)));
    }

    @Test
    void isEndedFromEndTimeOn() {
        assertEquals(TemplateStatus.ENDED, TEMPLATE.statusAt(END, new Stock(10, 0)));
    }

    @Test
    void endedWinsOverSoldOut() {
        assertEquals(TemplateStatus.ENDED, TEMPLATE.statusAt(END, new Stock(10, 10)));
    }

    @Test
    void notStartedWinsOverSoldOut() {
        assertEquals(TemplateStatus.NOT_STARTED, TEMPLATE.statusAt(START.minusMillis(1), new Stock(10, 10)));
    }
}

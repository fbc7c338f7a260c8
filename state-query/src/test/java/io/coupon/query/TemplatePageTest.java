package io.coupon.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.coupon.contract.http.ApiException;
import org.junit.jupiter.api.Test;

class TemplatePageTest {

    @Test
    void withoutLimitOrCursorAPageIsTheFirstThousand() {
        assertEquals(new TemplatePage(0, 1_000), TemplatePage.parse(null, null));
    }

    @Test
    void aCursorGivenForOnePageAsksForTheTemplatesAfterItsLastId() {
        TemplatePage next = TemplatePage.parse("25", TemplatePage.cursorAfter(1_234_567_890_123L));
        assertEquals(new TemplatePage(1_234_567_890_123L, 25), next);
    }

    @Test
    void aLimitOutsideOneToAThousandIsABadRequest() {
        for (String limit : new String[] {"0", "1001", "-3", "ten", ""}) {
            ApiException refused = assertThrows(ApiException.class, () -> TemplatePage.parse(limit, null), limit);
            assertEquals(400, refused.status());
        }
    }

    @Test
    void aCursorThisServerDidNotGiveIsABadRequest() {
        for (String cursor : new String[] {"", "abc", "dDE6LTU", "%%%", "MTIz"}) {
            ApiException refused = assertThrows(ApiException.class, () -> TemplatePage.parse(null, cursor), cursor);
            assertEquals(400, refused.status());
        }
    }
}

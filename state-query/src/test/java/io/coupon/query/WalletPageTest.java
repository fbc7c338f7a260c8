package io.coupon.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.coupon.contract.http.ApiException;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WalletPageTest {

    private static final List<String> COUPONS = List.of("42-1", "43-7", "44-2", "45-9", "46-3");

    @Test
    void withoutLimitTheAnswerIsTheWholeListWithoutACursor() {
        WalletPage.Slice<String> all = WalletPage.parse(null, null).of(COUPONS, Function.identity());
        assertEquals(COUPONS, all.items());
        assertNull(all.nextCursor());
    }

    @Test
    void eachPageStartsAfterTheCouponItsCursorNames() {
        WalletPage.Slice<String> first = WalletPage.parse("2", null).of(COUPONS, Function.identity());
        WalletPage.Slice<String> second = WalletPage.parse("2", first.nextCursor()).of(COUPONS, Function.identity());
        WalletPage.Slice<String> last = WalletPage.parse("2", second.nextCursor()).of(COUPONS, Function.identity());
        assertEquals(List.of("42-1", "43-7"), first.items());
        assertEquals(List.of("44-2", "45-9"), second.items());
        assertEquals(List.of("46-3"), last.items());
        assertNull(last.nextCursor());
    }

    @Test
    void aCursorNamingACouponNotInTheListIsABadRequest() {
        WalletPage page = WalletPage.parse("2", WalletPage.cursorAfter("99-1"));
        assertEquals(400, assertThrows(ApiException.class, () -> page.of(COUPONS, Function.identity())).status());
    }

    @Test
    void aLimitOutsideOneToAThousandOrACursorItDidNotGiveIsABadRequest() {
        for (String limit : new String[] {"0", "1001", "x"}) {
            assertEquals(400, assertThrows(ApiException.class, () -> WalletPage.parse(limit, null)).status());
        }
        for (String cursor : new String[] {"", "bogus", "dzE6"}) {
            assertEquals(400, assertThrows(ApiException.class, () -> WalletPage.parse(null, cursor)).status());
        }
    }
}

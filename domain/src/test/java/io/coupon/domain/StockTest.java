package io.coupon.domain;

import static io.coupon.domain.TemplateBuilder.aTemplate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StockTest {

    @Test
    void stockOfNewTemplateHasItsTotalCountAndNothingGranted() {
        Stock stock = Stock.of(aTemplate().totalCount(500).build());

        assertEquals(new Stock(500, 0), stock);
        assertEquals(500, stock.remaining());
    }

    @Test
    void takeOneGrantsOneMoreUnit() {
        Stock after = new Stock(10, 3).takeOne();

        assertEquals(new Stock(10, 4), after);
        assertEquals(6, after.remaining());
    }

    @Test
    void takeOneLeavesTheOriginalUnchanged() {
        Stock before = new Stock(10, 3);

        before.takeOne();

        assertEquals(new Stock(10, 3), before);
    }

    @Test
    void isNotSoldOutWhileOneUnitRemains() {
        assertFalse(new Stock(10, 9).soldOut());
    }

    @Test
    void isSoldOutOnceEveryUnitIsGranted() {
        Stock stock = new Stock(10, 9).takeOne();

        assertTrue(stock.soldOut());
        assertEquals(0, stock.remaining());
    }

    @Test
    void refusesToTakeAUnitPastZero() {
        Stock soldOut = new Stock(10, 10);

        assertThrows(IllegalArgumentException.class, soldOut::takeOne);
    }

    @Test
    void refusesMoreGrantedThanTotal() {
        assertThrows(IllegalArgumentException.class, () -> new Stock(10, 11));
    }

    @Test
    void refusesNegativeGranted() {
        assertThrows(IllegalArgumentException.class, () -> new Stock(10, -1));
    }

    @Test
    void raisedTotalMakesSoldOutStockAvailableAgain() {
        Stock restocked = new Stock(20, new Stock(10, 10).granted());

        assertFalse(restocked.soldOut());
        assertEquals(10, restocked.remaining());
    }
}

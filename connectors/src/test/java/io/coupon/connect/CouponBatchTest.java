package io.coupon.connect;

import static io.coupon.connect.Messages.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.coupon.connect.CouponBatch.CouponRow;
import io.coupon.connect.SinkRecords.Event;
import io.coupon.domain.CouponStatus;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

/** How one put's events fold into rows, without a database. */
class CouponBatchTest {

    @Test
    void keepsTheHighestVersionAndTheEarliestTimeOfEachCoupon() {
        CouponBatch batch = batchOf(
                Messages.used("1-1", 17, 1, T0.plusSeconds(30), "o-1"),
                Messages.granted("1-1", 17, 1, T0),
                Messages.locked("1-1", 17, 1, T0.plusSeconds(20), "o-1"));
        CouponRow row = only(batch.couponsByShard());
        assertEquals(CouponStatus.USED, row.status());
        assertEquals(3, row.version());
        assertEquals(T0, row.acquireTime());
        assertEquals(T0.plusSeconds(30), row.useTime());
        assertEquals(T0.plusSeconds(30), row.updatedAt());
        assertEquals("o-1", row.orderId());
        assertEquals(3, row.sources().size());
    }

    @Test
    void aCancelledLockLeavesNoOrderAndNoUseTime() {
        CouponBatch batch = batchOf(
                Messages.granted("1-2", 5, 1, T0),
                Messages.locked("1-2", 5, 1, T0.plusSeconds(1), "o-2"),
                Messages.cancelled("1-2", 5, 1, T0.plusSeconds(2)));
        CouponRow row = only(batch.couponsByShard());
        assertEquals(CouponStatus.UNUSED, row.status());
        assertNull(row.orderId());
        assertNull(row.useTime());
        assertEquals(3, row.version());
    }

    @Test
    void groupsRowsByTheShardOfTheirUser() {
        CouponBatch batch = batchOf(
                Messages.granted("1-1", 1, 1, T0),
                Messages.granted("1-2", 17, 1, T0),
                Messages.granted("1-3", 2, 1, T0),
                Messages.granted("1-4", -1, 1, T0));
        Map<Integer, List<CouponRow>> byShard = batch.couponsByShard();
        assertEquals(List.of(1, 2, 15), List.copyOf(byShard.keySet()));
        assertEquals(2, byShard.get(1).size());
    }

    private static CouponBatch batchOf(SinkRecord... records) {
        CouponBatch batch = new CouponBatch();
        for (SinkRecord r : records) {
            batch.add(r, ((Event) SinkRecords.parse(r)).event());
        }
        return batch;
    }

    private static CouponRow only(Map<Integer, List<CouponRow>> byShard) {
        assertEquals(1, byShard.size());
        List<CouponRow> rows = byShard.values().iterator().next();
        assertEquals(1, rows.size());
        return rows.get(0);
    }
}

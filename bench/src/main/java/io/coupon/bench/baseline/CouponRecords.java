package io.coupon.bench.baseline;

import java.sql.SQLException;

/** Where a granted coupon is written: the claim's last step, the one that can fail and must be compensated. */
public interface CouponRecords {

    /** Inserts the row in its own transaction; throws if it is not committed. */
    void insert(CouponRecord record) throws SQLException;
}

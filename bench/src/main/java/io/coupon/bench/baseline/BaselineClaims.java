package io.coupon.bench.baseline;

import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The article's claim, step by step, each step one Redis command and every failure compensated by hand:
 * <ol>
 *   <li>{@code DECR} the stock; below zero: {@code INCR} it back, {@code SOLD_OUT};</li>
 *   <li>{@code INCR} the user's counter for the template; over the limit: {@code DECR} it back, give the unit back
 *       ({@code INCR} the stock), {@code LIMIT_EXCEEDED};</li>
 *   <li>insert the {@code coupon_record} row in a transaction; if that fails, give both back and fail.</li>
 * </ol>
 * Between a decrement and its compensation another claim can see the stock at zero and be told {@code SOLD_OUT}
 * although a unit is about to come back: the design's known weak spot, kept as it is (a later claim gets that
 * unit). Nothing here can oversell: a unit is only kept by a claim whose {@code DECR} answered zero or more.
 */
public final class BaselineClaims {

    /** Thrown when the row could not be written; the counters have been given back. */
    public static final class RecordNotWritten extends Exception {
        private static final long serialVersionUID = 1L;

        RecordNotWritten(Throwable cause) {
            super("coupon_record not written: " + cause.getMessage(), cause);
        }
    }

    private final Counters counters;
    private final CouponRecords records;
    private final String keyPrefix;
    // Unique across restarts too: a restart starts above every id the previous run could have issued.
    private final AtomicLong sequence = new AtomicLong(System.currentTimeMillis() * 1_000);

    public BaselineClaims(Counters counters, CouponRecords records, String keyPrefix) {
        this.counters = counters;
        this.records = records;
        this.keyPrefix = keyPrefix;
    }

    public String stockKey(long templateId) {
        return keyPrefix + "stock:" + templateId;
    }

    public String userKey(long templateId, long userId) {
        return keyPrefix + "claimed:" + templateId + ":" + userId;
    }

    /** Puts the template's stock in Redis; called once its row is committed. */
    public void stock(BaselineTemplate template) {
        counters.set(stockKey(template.id()), template.totalCount());
    }

    public ClaimResult claim(BaselineTemplate template, long userId, Instant now) throws RecordNotWritten {
        if (now.isBefore(template.startTime())) {
            return ClaimResult.rejected("NOT_STARTED");
        }
        if (!now.isBefore(template.endTime())) {
            return ClaimResult.rejected("ENDED");
        }
        String stock = stockKey(template.id());
        if (counters.decrement(stock) < 0) {
            counters.increment(stock);
            return ClaimResult.rejected(ClaimResult.SOLD_OUT);
        }
        String user = userKey(template.id(), userId);
        if (counters.increment(user) > template.perUserLimit()) {
            counters.decrement(user);
            counters.increment(stock);
            return ClaimResult.rejected(ClaimResult.LIMIT_EXCEEDED);
        }
        String couponId = template.id() + "-" + sequence.incrementAndGet();
        Instant expiresAt = template.couponExpiry(now);
        try {
            records.insert(new CouponRecord(couponId, template.id(), userId, now, expiresAt));
        } catch (SQLException | RuntimeException e) {
            counters.decrement(user);
            counters.increment(stock);
            throw new RecordNotWritten(e);
        }
        return new ClaimResult(ClaimResult.GRANTED, couponId, expiresAt);
    }
}

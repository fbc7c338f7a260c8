package io.coupon.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the system knows of a user from the user's own coupon transitions, never from clients: coupons granted,
 * confirmed uses, the discount they gave, the last use. Every confirmed use is kept with its amounts, for two
 * reasons: a refund takes back exactly what its confirm added (count, amount, and the use's place in the last 30
 * days), and {@code used30d} is counted from the use times at the instant it is asked for, so it falls as days pass
 * by itself: no timer, no scan of other users, and the same answer whenever a decision is replayed.
 *
 * @param uses every confirmed use not refunded, oldest first
 */
public record UserStats(long claimed, long used, BigDecimal discountTotal, Instant lastUsedAt, List<Use> uses) {

    public static final Duration RECENT = Duration.ofDays(30);

    /** One confirmed use: which coupon, when, and what it took off which order amount. */
    public record Use(String couponId, long templateId, String variant, Instant at, BigDecimal discountAmount,
                      BigDecimal orderAmount) {
    }

    /** The stats as the profile shows them at an instant. */
    public record View(long claimed, long used, BigDecimal discountTotal, Instant lastUsedAt, long used30d) {
    }

    public UserStats {
        uses = List.copyOf(uses);
        discountTotal = Discounts.money(discountTotal);
    }

    public static UserStats empty() {
        return new UserStats(0, 0, BigDecimal.ZERO, null, List.of());
    }

    public UserStats granted() {
        return new UserStats(claimed + 1, used, discountTotal, lastUsedAt, uses);
    }

    /** A confirmed use; a coupon already counted (a replayed transition) changes nothing. */
    public UserStats withUse(Use use) {
        if (find(use.couponId()).isPresent()) {
            return this;
        }
        List<Use> next = new ArrayList<>(uses);
        next.add(use);
        BigDecimal amount = use.discountAmount() == null ? BigDecimal.ZERO : use.discountAmount();
        Instant last = lastUsedAt == null || use.at().isAfter(lastUsedAt) ? use.at() : lastUsedAt;
        return new UserStats(claimed, used + 1, discountTotal.add(amount), last, next);
    }

    /** Takes back what the coupon's confirm added; a coupon with no use on record changes nothing. */
    public UserStats withRefund(String couponId) {
        Optional<Use> refunded = find(couponId);
        if (refunded.isEmpty()) {
            return this;
        }
        List<Use> next = new ArrayList<>(uses);
        next.remove(refunded.get());
        BigDecimal amount = refunded.get().discountAmount() == null ? BigDecimal.ZERO
                : refunded.get().discountAmount();
        Instant last = next.stream().map(Use::at).max(Instant::compareTo).orElse(null);
        return new UserStats(claimed, used - 1, discountTotal.subtract(amount), last, next);
    }

    public Optional<Use> find(String couponId) {
        return uses.stream().filter(u -> u.couponId().equals(couponId)).findFirst();
    }

    /** Coupons used in the 30 days up to {@code now}: after {@code now − 30 days}, not after {@code now}. */
    public long used30dAt(Instant now) {
        Instant from = now.minus(RECENT);
        return uses.stream().filter(u -> u.at().isAfter(from) && !u.at().isAfter(now)).count();
    }

    public View viewAt(Instant now) {
        return new View(claimed, used, discountTotal, lastUsedAt, used30dAt(now));
    }
}

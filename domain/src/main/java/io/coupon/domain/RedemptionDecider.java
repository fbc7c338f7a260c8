package io.coupon.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Try / Confirm / Cancel of one user's coupons, and the two timers, as pure functions of the user's wallet and
 * the order. Every step is judged at the instant given (the request's, or the timer's), so a replay decides
 * the same. A lock whose time has passed is treated as timed out by whichever step meets it first, so nothing
 * depends on when the timer happens to run. An order moves its coupon only while that coupon is locked by it.
 */
public final class RedemptionDecider {

    private RedemptionDecider() {
    }

    public static RedemptionDecision tryLock(Wallet wallet, Order existing, RedemptionRequest request,
                                             Duration lockTimeout) {
        Step step = new Step(wallet, existing).settleLapsedLock(request.at());
        Order order = step.order;
        if (order != null && order.status() == OrderStatus.LOCKED) {
            return order.couponId().equals(request.couponId())
                    ? step.answer(RedemptionStatus.LOCKED) : step.answer(RedemptionStatus.ORDER_CONFLICT);
        }
        if (order != null && order.status() == OrderStatus.USED) {
            return order.couponId().equals(request.couponId())
                    ? step.answer(RedemptionStatus.ALREADY_USED) : step.answer(RedemptionStatus.ORDER_CONFLICT);
        }
        Optional<WalletCoupon> held = step.wallet.find(request.couponId());
        if (held.isEmpty()) {
            return step.answer(RedemptionStatus.COUPON_NOT_FOUND);
        }
        WalletCoupon coupon = held.get();
        RedemptionStatus rejection = rejection(coupon.seenAt(request.at()), request.at());
        if (rejection != null) {
            return step.answer(rejection);
        }
        Optional<Quote> quote = Discounts.quote(coupon.terms(), request.orderAmount());
        if (quote.isEmpty()) {
            return step.answer(RedemptionStatus.BELOW_THRESHOLD);
        }
        if (coupon.status() == CouponStatus.LOCKED) {
            // held by another order whose lock has lapsed: that order has timed out
            coupon = step.change(CouponChange.LOCK_TIMED_OUT, coupon.unlock());
        }
        Instant until = request.at().plus(lockTimeout);
        step.change(CouponChange.LOCKED, coupon.lock(request.orderId(), until));
        step.order = new Order(request.orderId(), request.userId(), request.couponId(),
                Discounts.money(request.orderAmount()), quote.get().discountAmount(), quote.get().payAmount(),
                OrderStatus.LOCKED, until);
        return step.answer(RedemptionStatus.LOCKED);
    }

    public static RedemptionDecision confirm(Wallet wallet, Order existing, Instant at) {
        Step step = new Step(wallet, existing).settleLapsedLock(at);
        if (step.order == null) {
            return step.answer(RedemptionStatus.ORDER_NOT_FOUND);
        }
        if (step.order.status() == OrderStatus.LOCKED) {
            WalletCoupon coupon = step.couponLockedByOrder();
            if (coupon != null && !coupon.expiredAt(at)) {
                step.change(CouponChange.USED, coupon.use(at));
                step.order = step.order.withStatus(OrderStatus.USED);
            } else {
                step.releaseOrder(CouponChange.EXPIRED, at);
            }
        }
        return step.answer(step.order.status() == OrderStatus.USED ? RedemptionStatus.USED : RedemptionStatus.CANCELLED);
    }

    public static RedemptionDecision cancel(Wallet wallet, Order existing, Instant at) {
        Step step = new Step(wallet, existing).settleLapsedLock(at);
        if (step.order == null) {
            return step.answer(RedemptionStatus.ORDER_NOT_FOUND);
        }
        if (step.order.status() == OrderStatus.LOCKED) {
            step.releaseOrder(CouponChange.CANCELLED, at);
        }
        return step.answer(step.order.status() == OrderStatus.USED ? RedemptionStatus.USED : RedemptionStatus.CANCELLED);
    }

    /** The lock timer: cancels the order if it is still locked at {@code now}; otherwise changes nothing. */
    public static RedemptionDecision lockTimeout(Wallet wallet, Order order, Instant now) {
        Step step = new Step(wallet, order).settleLapsedLock(now);
        return step.answer(step.order == null ? RedemptionStatus.ORDER_NOT_FOUND
                : step.order.status() == OrderStatus.USED ? RedemptionStatus.USED : RedemptionStatus.CANCELLED);
    }

    /** The expiry timer: an unused or locked coupon past its {@code expiresAt} becomes EXPIRED. */
    public static RedemptionDecision expire(Wallet wallet, String couponId, Instant now) {
        Step step = new Step(wallet, null);
        step.wallet.find(couponId)
                .filter(c -> c.status() == CouponStatus.UNUSED || c.status() == CouponStatus.LOCKED)
                .filter(c -> c.expiredAt(now))
                .ifPresent(c -> step.change(CouponChange.EXPIRED, c.expire()));
        return step.answer(RedemptionStatus.EXPIRED);
    }

    private static RedemptionStatus rejection(WalletCoupon seen, Instant at) {
        switch (seen.status()) {
            case USED: return RedemptionStatus.ALREADY_USED;
            case EXPIRED: return RedemptionStatus.EXPIRED;
            case LOCKED: return RedemptionStatus.LOCKED_BY_ANOTHER_ORDER;
            default: break;
        }
        return at.isBefore(seen.acquiredAt()) ? RedemptionStatus.NOT_YET_VALID : null;
    }

    /** The state a decision works on, and the changes it has made so far. */
    private static final class Step {
        private Wallet wallet;
        private Order order;
        private final List<CouponChange> changes = new ArrayList<>();

        Step(Wallet wallet, Order order) {
            this.wallet = wallet;
            this.order = order;
        }

        /**
         * An order still locked at {@code at} whose lock has lapsed, or whose coupon is no longer locked by it
         * (expired), is released.
         */
        Step settleLapsedLock(Instant at) {
            if (order == null || order.status() != OrderStatus.LOCKED) {
                return this;
            }
            if (!at.isBefore(order.lockedUntil())) {
                releaseOrder(CouponChange.LOCK_TIMED_OUT, at);
            } else {
                // the coupon expired (maybe already written so by the expiry timer): the order cannot go on
                WalletCoupon held = couponLockedByOrder();
                if (held == null || held.expiredAt(at)) {
                    releaseOrder(CouponChange.EXPIRED, at);
                }
            }
            return this;
        }

        /** Cancels the order and frees its coupon: unlocked, or expired if its time is up. */
        void releaseOrder(String eventType, Instant at) {
            WalletCoupon coupon = couponLockedByOrder();
            if (coupon != null) {
                if (coupon.expiredAt(at)) {
                    change(CouponChange.EXPIRED, coupon.expire());
                } else {
                    change(eventType, coupon.unlock());
                }
            }
            order = order.withStatus(OrderStatus.CANCELLED);
        }

        WalletCoupon couponLockedByOrder() {
            return wallet.find(order.couponId())
                    .filter(c -> c.status() == CouponStatus.LOCKED && order.orderId().equals(c.orderId()))
                    .orElse(null);
        }

        WalletCoupon change(String eventType, WalletCoupon after) {
            wallet = wallet.replace(after);
            changes.add(new CouponChange(eventType, after));
            return after;
        }

        RedemptionDecision answer(RedemptionStatus status) {
            return new RedemptionDecision(status, order, wallet, List.copyOf(changes));
        }
    }
}

package io.coupon.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Try / Confirm / Cancel / Refund of one user's coupons, and the two timers, as pure functions of the user's
 * wallet and the order. Every step is judged at the instant given (the request's, or the timer's), so a replay
 * decides the same. A lock whose time has passed is treated as timed out by whichever step meets it first, so
 * nothing depends on when the timer happens to run. An order moves its coupons only while they are locked (or,
 * for a refund, used) by it. An order of several coupons moves them all or none: all of a user's coupons live in
 * the one wallet this step holds, so that is a single decision.
 */
public final class RedemptionDecider {

    private RedemptionDecider() {
    }

    public static RedemptionDecision tryLock(Wallet wallet, Order existing, RedemptionRequest request,
                                             Duration lockTimeout) {
        Step step = new Step(wallet, existing).settleLapsedLock(request.at());
        Order order = step.order;
        List<String> asked = request.allCouponIds();
        if (order != null && order.status() != OrderStatus.CANCELLED) {
            boolean same = new HashSet<>(order.couponIds()).equals(new HashSet<>(asked));
            if (order.status() == OrderStatus.LOCKED && same) {
                return step.answer(RedemptionStatus.LOCKED);
            }
            if (order.status() == OrderStatus.USED && same) {
                return step.answer(RedemptionStatus.ALREADY_USED);
            }
            return step.answer(RedemptionStatus.ORDER_CONFLICT);
        }
        Cart cart = request.cart();
        CouponSelection selection = CouponSelection.of(step.wallet, asked, cart, request.at());
        if (!selection.usable()) {
            return step.reject(selection.rejection(), selection.rejectedCouponId());
        }
        List<WalletCoupon> coupons = selection.coupons();
        CartQuote quote = StackedDiscounts.apply(cart, coupons);
        Instant until = request.at().plus(lockTimeout);
        for (WalletCoupon coupon : coupons) {
            if (coupon.status() == CouponStatus.LOCKED) {
                // held by another order whose lock has lapsed: that order has timed out
                coupon = step.change(CouponChange.LOCK_TIMED_OUT, coupon.unlock());
            }
            step.change(CouponChange.LOCKED, coupon.lock(request.orderId(), until));
        }
        List<CouponDiscount> asGiven = asked.stream().map(id -> new CouponDiscount(id, quote.discountFor(id))).toList();
        step.order = new Order(request.orderId(), request.userId(), asked.get(0), cart.total(),
                quote.discountAmount(), quote.payAmount(), OrderStatus.LOCKED, until, asGiven);
        return step.answer(RedemptionStatus.LOCKED);
    }

    public static RedemptionDecision confirm(Wallet wallet, Order existing, Instant at) {
        Step step = new Step(wallet, existing).settleLapsedLock(at);
        if (step.order == null) {
            return step.answer(RedemptionStatus.ORDER_NOT_FOUND);
        }
        if (step.order.status() == OrderStatus.LOCKED) {
            // settleLapsedLock released the order unless every coupon is still locked by it and unexpired
            for (WalletCoupon coupon : step.couponsLockedByOrder()) {
                step.change(CouponChange.USED, coupon.use(at));
            }
            step.order = step.order.withStatus(OrderStatus.USED);
        }
        return step.answer(of(step.order.status()));
    }

    public static RedemptionDecision cancel(Wallet wallet, Order existing, Instant at) {
        Step step = new Step(wallet, existing).settleLapsedLock(at);
        if (step.order == null) {
            return step.answer(RedemptionStatus.ORDER_NOT_FOUND);
        }
        if (step.order.status() == OrderStatus.LOCKED) {
            step.releaseOrder(CouponChange.CANCELLED, at);
        }
        return step.answer(of(step.order.status()));
    }

    /**
     * Gives a confirmed order's coupons back: each UNUSED again, or EXPIRED if its time ran out meanwhile. Again
     * after that: REFUNDED, changing nothing. An order not confirmed answers its own status (LOCKED, CANCELLED).
     */
    public static RedemptionDecision refund(Wallet wallet, Order existing, Instant at) {
        Step step = new Step(wallet, existing).settleLapsedLock(at);
        if (step.order == null) {
            return step.answer(RedemptionStatus.ORDER_NOT_FOUND);
        }
        if (step.order.status() == OrderStatus.USED) {
            for (String couponId : step.order.couponIds()) {
                step.wallet.find(couponId)
                        .filter(c -> c.status() == CouponStatus.USED && step.order.orderId().equals(c.orderId()))
                        .ifPresent(c -> step.change(CouponChange.REFUNDED, c.refund(at)));
            }
            step.order = step.order.withStatus(OrderStatus.REFUNDED);
        }
        return step.answer(of(step.order.status()));
    }

    /** The lock timer: cancels the order if it is still locked at {@code now}; otherwise changes nothing. */
    public static RedemptionDecision lockTimeout(Wallet wallet, Order order, Instant now) {
        Step step = new Step(wallet, order).settleLapsedLock(now);
        return step.answer(step.order == null ? RedemptionStatus.ORDER_NOT_FOUND : of(step.order.status()));
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

    /** The answer that reports an order's status. */
    private static RedemptionStatus of(OrderStatus status) {
        switch (status) {
            case LOCKED: return RedemptionStatus.LOCKED;
            case USED: return RedemptionStatus.USED;
            case REFUNDED: return RedemptionStatus.REFUNDED;
            default: return RedemptionStatus.CANCELLED;
        }
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
         * An order still locked at {@code at} whose lock has lapsed, or one of whose coupons is no longer locked by
         * it (expired), is released, all its coupons together.
         */
        Step settleLapsedLock(Instant at) {
            if (order == null || order.status() != OrderStatus.LOCKED) {
                return this;
            }
            if (!at.isBefore(order.lockedUntil())) {
                releaseOrder(CouponChange.LOCK_TIMED_OUT, at);
            } else {
                // a coupon expired (maybe already written so by the expiry timer): the order cannot go on
                List<WalletCoupon> held = couponsLockedByOrder();
                if (held.size() < order.couponIds().size() || held.stream().anyMatch(c -> c.expiredAt(at))) {
                    releaseOrder(CouponChange.EXPIRED, at);
                }
            }
            return this;
        }

        /** Cancels the order and frees its coupons: each unlocked, or expired if its time is up. */
        void releaseOrder(String eventType, Instant at) {
            for (WalletCoupon coupon : couponsLockedByOrder()) {
                if (coupon.expiredAt(at)) {
                    change(CouponChange.EXPIRED, coupon.expire());
                } else {
                    change(eventType, coupon.unlock());
                }
            }
            order = order.withStatus(OrderStatus.CANCELLED);
        }

        List<WalletCoupon> couponsLockedByOrder() {
            List<WalletCoupon> held = new ArrayList<>();
            for (String couponId : order.couponIds()) {
                wallet.find(couponId)
                        .filter(c -> c.status() == CouponStatus.LOCKED && order.orderId().equals(c.orderId()))
                        .ifPresent(held::add);
            }
            return held;
        }

        WalletCoupon change(String eventType, WalletCoupon after) {
            wallet = wallet.replace(after);
            changes.add(new CouponChange(eventType, after));
            return after;
        }

        RedemptionDecision answer(RedemptionStatus status) {
            return new RedemptionDecision(status, order, wallet, List.copyOf(changes));
        }

        RedemptionDecision reject(RedemptionStatus status, String couponId) {
            return new RedemptionDecision(status, order, wallet, List.copyOf(changes), couponId);
        }
    }
}

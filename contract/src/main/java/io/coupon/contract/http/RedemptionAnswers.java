package io.coupon.contract.http;

import io.coupon.contract.message.ConfirmRedemption;
import io.coupon.contract.message.RedemptionCommand;
import io.coupon.contract.message.RedemptionResult;
import io.coupon.contract.message.RefundRedemption;
import io.coupon.contract.message.TryRedemption;
import io.coupon.domain.CouponDiscount;
import io.coupon.domain.RedemptionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/** The codes and bodies of Try, Confirm, Cancel and Refund answers, as the contract shapes them. */
public final class RedemptionAnswers {

    /** Which call is being answered: the same status means success for one and conflict for another. */
    public enum Step {
        TRY, CONFIRM, CANCEL, REFUND;

        public static Step of(RedemptionCommand command) {
            return command instanceof TryRedemption ? TRY : command instanceof ConfirmRedemption ? CONFIRM
                    : command instanceof RefundRedemption ? REFUND : CANCEL;
        }
    }

    /**
     * What an answer was, beyond its status: the same {@code USED} is a confirm done, a confirm repeated, or a
     * cancel refused, and only the first is a use.
     */
    public enum Outcome {
        /** A success that moved the order into the answer's status. */
        MOVED,
        /** A success that found the order already there (the step was repeated): nothing changed. */
        REPEATED,
        /** A 404 or 409: nothing was done, for the reason the status gives. */
        REJECTED,
        /** Made durable, but not decided within the wait (202). */
        PENDING
    }

    private RedemptionAnswers() {
    }

    public static int statusCode(Step step, RedemptionStatus status) {
        if (status == RedemptionStatus.ORDER_NOT_FOUND) {
            return 404;
        }
        switch (step) {
            case TRY: return status == RedemptionStatus.LOCKED ? 201 : 409;
            case CONFIRM: return status == RedemptionStatus.USED ? 200 : 409;
            case REFUND: return status == RedemptionStatus.REFUNDED ? 200 : 409;
            default: return status == RedemptionStatus.CANCELLED ? 200 : 409;
        }
    }

    public static Outcome outcome(Step step, RedemptionResult result) {
        if (statusCode(step, result.status()) >= 400) {
            return Outcome.REJECTED;
        }
        return result.moved() ? Outcome.MOVED : Outcome.REPEATED;
    }

    public static Map<String, Object> body(Step step, RedemptionResult result) {
        int code = statusCode(step, result.status());
        String status = contractStatus(result.status());
        Map<String, Object> body = new LinkedHashMap<>();
        if (code >= 400) {
            body.put("error", status);
            body.put("message", message(result.status()));
        }
        body.put("orderId", result.orderId());
        if (step == Step.TRY) {
            body.put("couponId", result.couponId());
        }
        body.put("status", status);
        if (step == Step.TRY && code == 201) {
            body.put("discountAmount", result.discountAmount());
            body.put("payAmount", result.payAmount());
            body.put("lockedUntil", result.lockedUntil());
            body.put("couponIds", result.couponIds());
            body.put("coupons", coupons(result.coupons()));
        }
        return body;
    }

    /** Each coupon with what it takes off: {@code [{"couponId", "discountAmount"}]}. */
    public static List<Map<String, Object>> coupons(List<CouponDiscount> coupons) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (CouponDiscount c : coupons == null ? List.<CouponDiscount>of() : coupons) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("couponId", c.couponId());
            one.put("discountAmount", c.discountAmount());
            list.add(one);
        }
        return list;
    }

    public static Map<String, Object> pending(String orderId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("orderId", orderId);
        body.put("status", "PENDING");
        return body;
    }

    /** The contract calls "held by another order" {@code LOCKED}; internally it is kept apart from our own lock. */
    public static String contractStatus(RedemptionStatus status) {
        return status == RedemptionStatus.LOCKED_BY_ANOTHER_ORDER ? "LOCKED" : status.name();
    }

    public static String message(RedemptionStatus status) {
        switch (status) {
            case ORDER_NOT_FOUND: return "this user has no such order";
            case COUPON_NOT_FOUND: return "this user holds no such coupon";
            case ALREADY_USED: return "the coupon was already used";
            case LOCKED_BY_ANOTHER_ORDER: return "another order holds the coupon";
            case ORDER_CONFLICT: return "this order id already holds or used another coupon";
            case EXPIRED: return "the coupon has expired";
            case NOT_YET_VALID: return "the coupon is not valid yet";
            case BELOW_THRESHOLD: return "the order does not reach the coupon's threshold";
            case CANCELLED: return "the order was cancelled (by its owner or by the lock timeout)";
            case USED: return "the order was already confirmed";
            case NOT_APPLICABLE: return "no item of the order is in the coupon's scope (or the coupon is scoped and "
                    + "the order gives only an amount)";
            case NOT_STACKABLE: return "these coupons cannot be used together: an exclusive coupon with others, or two "
                    + "of one stack group";
            case REFUNDED: return "the order was refunded";
            case LOCKED: return "the order is locked, not confirmed yet";
            default: return status.name();
        }
    }
}

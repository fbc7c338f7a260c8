package io.coupon.contract.http;

import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.ClaimStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bodies and codes of claim answers, shared by the claim call and the claim lookup. */
public final class ClaimAnswers {

    private ClaimAnswers() {
    }

    /** The code the claim call answers with: 201, 409, 404 or 422. */
    public static int statusCode(ClaimStatus status) {
        switch (status) {
            case GRANTED: return 201;
            case UNKNOWN_TEMPLATE: return 404;
            case KEY_REUSED: return 422;
            default: return 409;
        }
    }

    public static Map<String, Object> body(ClaimOutcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (outcome.status() == ClaimStatus.KEY_REUSED) {
            body.put("error", "IDEMPOTENCY_KEY_REUSED");
            body.put("message", "this Idempotency-Key was already used by another user for this template");
        } else if (!outcome.status().granted()) {
            body.put("error", outcome.status().name());
            body.put("message", message(outcome.status()));
        }
        body.put("status", outcome.status() == ClaimStatus.KEY_REUSED ? "KEY_REUSED" : outcome.status().name());
        if (outcome.status().granted()) {
            body.put("couponId", outcome.couponId());
        }
        body.put("templateId", outcome.templateId());
        body.put("userId", outcome.userId());
        if (outcome.status().granted()) {
            body.put("expiresAt", outcome.expiresAt());
        }
        body.put("requestId", outcome.requestId());
        if (outcome.variant() != null) {
            body.put("variant", outcome.variant());
        }
        return body;
    }

    /** @param userId null when the one answering does not know it (a lookup by request id) */
    public static Map<String, Object> pending(long templateId, Long userId, String requestId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "PENDING");
        body.put("templateId", templateId);
        if (userId != null) {
            body.put("userId", userId);
        }
        body.put("requestId", requestId);
        return body;
    }

    /** Where a pending claim can be looked up; the request id is percent-encoded (a key may hold / ? or %). */
    public static String location(long templateId, String requestId) {
        return "/v1/templates/" + templateId + "/claims/" + PathParams.segment(requestId);
    }

    private static String message(ClaimStatus status) {
        switch (status) {
            case SOLD_OUT: return "no unit of this template is left";
            case LIMIT_EXCEEDED: return "the user already holds as many coupons of this template as allowed";
            case NOT_STARTED: return "the template's claim window has not started";
            case ENDED: return "the template's claim window has ended";
            case BLOCKED: return "the user is blocked";
            case PAUSED: return "the template is paused; claims are granted again once it is resumed";
            case UNKNOWN_TEMPLATE: return "no such template";
            case NOT_ELIGIBLE: return "the user is outside the template's audience";
            default: return status.name();
        }
    }
}

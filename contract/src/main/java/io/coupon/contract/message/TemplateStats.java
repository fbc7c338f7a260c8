package io.coupon.contract.message;

import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.ClaimStatus;
import io.coupon.domain.Discounts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One template's activity in one window, on {@code template-stats} keyed by template id: claim requests,
 * grants, every rejection by reason, redemptions (confirmed uses) and the discount they gave. Published once,
 * when the window closes.
 */
public record TemplateStats(
        long templateId,
        Instant windowStart,
        Instant windowEnd,
        long requests,
        long granted,
        Map<ClaimStatus, Long> rejected,
        long redemptions,
        BigDecimal discountTotal) {

    public TemplateStats {
        rejected = Map.copyOf(rejected);
    }

    public static TemplateStats empty() {
        return new TemplateStats(0, null, null, 0, 0, Map.of(), 0, Discounts.money(BigDecimal.ZERO));
    }

    public TemplateStats withClaim(ClaimOutcome outcome) {
        Map<ClaimStatus, Long> reasons = new TreeMap<>(rejected);
        if (!outcome.status().granted()) {
            reasons.merge(outcome.status(), 1L, Long::sum);
        }
        return new TemplateStats(outcome.templateId(), windowStart, windowEnd, requests + 1,
                granted + (outcome.status().granted() ? 1 : 0), reasons, redemptions, discountTotal);
    }

    public TemplateStats withRedemption(CouponEvent used) {
        BigDecimal amount = used.discountAmount() == null ? BigDecimal.ZERO : used.discountAmount();
        return new TemplateStats(used.templateId(), windowStart, windowEnd, requests, granted, rejected,
                redemptions + 1, Discounts.money(discountTotal.add(amount)));
    }

    /** Both counts together: how windows aggregate the one-event deltas of claims and redemptions. */
    public TemplateStats plus(TemplateStats other) {
        Map<ClaimStatus, Long> reasons = new TreeMap<>(rejected);
        other.rejected.forEach((status, n) -> reasons.merge(status, n, Long::sum));
        return new TemplateStats(other.templateId != 0 ? other.templateId : templateId, windowStart, windowEnd,
                requests + other.requests, granted + other.granted, reasons, redemptions + other.redemptions,
                Discounts.money(discountTotal.add(other.discountTotal)));
    }

    public TemplateStats inWindow(long templateId, Instant start, Instant end) {
        return new TemplateStats(templateId, start, end, requests, granted, rejected, redemptions, discountTotal);
    }
}

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
 * when the window closes. For an experiment template, {@code variants} splits the same figures by variant.
 */
public record TemplateStats(
        long templateId,
        Instant windowStart,
        Instant windowEnd,
        long requests,
        long granted,
        Map<ClaimStatus, Long> rejected,
        long redemptions,
        BigDecimal discountTotal,
        Map<String, VariantStats> variants) {

    /** One variant's share of a window: requests, grants, redemptions and their discount. */
    public record VariantStats(long requests, long granted, long redemptions, BigDecimal discountTotal) {

        VariantStats plus(VariantStats o) {
            return new VariantStats(requests + o.requests, granted + o.granted, redemptions + o.redemptions,
                    Discounts.money(discountTotal.add(o.discountTotal)));
        }
    }

    public TemplateStats {
        rejected = Map.copyOf(rejected);
        variants = variants == null ? Map.of() : Map.copyOf(variants);
    }

    public TemplateStats(long templateId, Instant windowStart, Instant windowEnd, long requests, long granted,
                         Map<ClaimStatus, Long> rejected, long redemptions, BigDecimal discountTotal) {
        this(templateId, windowStart, windowEnd, requests, granted, rejected, redemptions, discountTotal, Map.of());
    }

    public static TemplateStats empty() {
        return new TemplateStats(0, null, null, 0, 0, Map.of(), 0, Discounts.money(BigDecimal.ZERO));
    }

    public TemplateStats withClaim(ClaimOutcome outcome) {
        Map<ClaimStatus, Long> reasons = new TreeMap<>(rejected);
        int granted1 = outcome.status().granted() ? 1 : 0;
        if (granted1 == 0) {
            reasons.merge(outcome.status(), 1L, Long::sum);
        }
        return new TemplateStats(outcome.templateId(), windowStart, windowEnd, requests + 1, granted + granted1,
                reasons, redemptions, discountTotal, byVariant(outcome.variant(),
                        new VariantStats(1, granted1, 0, Discounts.money(BigDecimal.ZERO))));
    }

    public TemplateStats withRedemption(CouponEvent used) {
        BigDecimal amount = Discounts.money(used.discountAmount() == null ? BigDecimal.ZERO : used.discountAmount());
        return new TemplateStats(used.templateId(), windowStart, windowEnd, requests, granted, rejected,
                redemptions + 1, Discounts.money(discountTotal.add(amount)),
                byVariant(used.variant(), new VariantStats(0, 0, 1, amount)));
    }

    /** Both counts together: how windows aggregate the one-event deltas of claims and redemptions. */
    public TemplateStats plus(TemplateStats other) {
        Map<ClaimStatus, Long> reasons = new TreeMap<>(rejected);
        other.rejected.forEach((status, n) -> reasons.merge(status, n, Long::sum));
        Map<String, VariantStats> split = new TreeMap<>(variants);
        other.variants.forEach((name, s) -> split.merge(name, s, VariantStats::plus));
        return new TemplateStats(other.templateId != 0 ? other.templateId : templateId, windowStart, windowEnd,
                requests + other.requests, granted + other.granted, reasons, redemptions + other.redemptions,
                Discounts.money(discountTotal.add(other.discountTotal)), split);
    }

    public TemplateStats inWindow(long templateId, Instant start, Instant end) {
        return new TemplateStats(templateId, start, end, requests, granted, rejected, redemptions, discountTotal,
                variants);
    }

    private Map<String, VariantStats> byVariant(String variant, VariantStats delta) {
        if (variant == null) {
            return variants;
        }
        Map<String, VariantStats> split = new TreeMap<>(variants);
        split.merge(variant, delta, VariantStats::plus);
        return split;
    }
}

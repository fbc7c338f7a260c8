package io.coupon.contract.http;

import io.coupon.domain.CouponType;
import io.coupon.domain.Scope;
import io.coupon.domain.Stacking;
import io.coupon.domain.Stock;
import io.coupon.domain.Template;
import io.coupon.domain.TemplateStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import io.coupon.domain.Audience;
import io.coupon.domain.Variant;

/** A template as the HTTP API shows it: the definition plus its live {@code status} and {@code remaining}. */
public record TemplateView(
        long id,
        String name,
        CouponType type,
        BigDecimal discount,
        BigDecimal threshold,
        BigDecimal maxDiscount,
        long totalCount,
        int perUserLimit,
        Instant startTime,
        Instant endTime,
        Integer validDays,
        TemplateStatus status,
        long remaining,
        Audience audience,
        List<Variant> variants,
        Map<String, Object> metadata,
        Scope scope,
        Stacking stacking,
        String stackGroup) {

    public static TemplateView of(Template t, Stock stock, Instant now) {
        return new TemplateView(t.id(), t.name(), t.type(), t.discount(), t.threshold(), t.maxDiscount(),
                t.totalCount(), t.perUserLimit(), t.startTime(), t.endTime(), t.validDays(), t.statusAt(now, stock),
                stock.remaining(), t.audience(), t.variants(), t.metadata(), t.scope(), t.stackingOrDefault(),
                t.stackGroup());
    }
}

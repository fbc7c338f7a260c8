package io.coupon.contract.http;

import io.coupon.domain.ProportionTest;
import io.coupon.domain.Template;
import io.coupon.domain.Variant;
import io.coupon.domain.VariantCounts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/templates/{id}/report}: every variant's live counts, in the template's order, and how each
 * non-control variant compares with the control (the first).
 */
public record ExperimentReportView(long templateId, List<VariantReport> variants) {

    /** @param redemptionRate used / granted; null while nothing was granted */
    public record VariantReport(String name, long assigned, long granted, long used, Double redemptionRate,
                                BigDecimal discountTotal, BigDecimal orderAmountTotal, Comparison vsControl) {
    }

    /** @param lift null when the control's rate is 0; the whole comparison is null while either rate is undefined */
    public record Comparison(double diff, Double lift, double pValue, double[] ci95) {
    }

    public static ExperimentReportView of(Template template, Map<String, VariantCounts> counts) {
        List<VariantReport> rows = new ArrayList<>();
        VariantCounts control = null;
        for (Variant v : template.variants()) {
            VariantCounts c = counts.getOrDefault(v.name(), VariantCounts.zero());
            Comparison vs = null;
            if (control == null) {
                control = c;
            } else {
                ProportionTest t = ProportionTest.of(control.granted(), control.used(), c.granted(), c.used());
                vs = t == null ? null : new Comparison(t.diff(), t.lift(), t.pValue(), t.ci95());
            }
            rows.add(new VariantReport(v.name(), c.assigned(), c.granted(), c.used(), c.redemptionRate(),
                    c.discountTotal(), c.orderAmountTotal(), vs));
        }
        return new ExperimentReportView(template.id(), rows);
    }
}

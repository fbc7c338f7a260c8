package io.coupon.topology;

import io.coupon.domain.CouponType;
import io.coupon.domain.Template;
import java.math.BigDecimal;
import java.time.Instant;

/** A valid THRESHOLD template (20 off 200) inside the fixture's window, to vary one field at a time. */
final class TemplateBuilder {

    private long id = 42;
    private String name = "Double 11: 20 off 200";
    private CouponType type = CouponType.THRESHOLD;
    private BigDecimal discount = new BigDecimal("20.00");
    private BigDecimal threshold = new BigDecimal("200.00");
    private BigDecimal maxDiscount;
    private long totalCount = 100;
    private int perUserLimit = 1;
    private Instant startTime = TopologyFixture.START;
    private Instant endTime = TopologyFixture.END;
    private Integer validDays = 7;
    private io.coupon.domain.Audience audience;
    private java.util.List<io.coupon.domain.Variant> variants;

    private TemplateBuilder() {
    }

    static TemplateBuilder aTemplate(long id) {
        return new TemplateBuilder().id(id);
    }

    TemplateBuilder id(long value) {
        id = value;
        return this;
    }

    TemplateBuilder name(String value) {
        name = value;
        return this;
    }

    TemplateBuilder type(CouponType value) {
        type = value;
        return this;
    }

    TemplateBuilder discount(String value) {
        discount = value == null ? null : new BigDecimal(value);
        return this;
    }

    TemplateBuilder threshold(String value) {
        threshold = value == null ? null : new BigDecimal(value);
        return this;
    }

    TemplateBuilder maxDiscount(String value) {
        maxDiscount = value == null ? null : new BigDecimal(value);
        return this;
    }

    /** A CASH coupon: {@code amount} off, no threshold. */
    TemplateBuilder cash(String amount) {
        return type(CouponType.CASH).discount(amount).threshold(null).maxDiscount(null);
    }

    /** A DISCOUNT coupon: the customer pays {@code factor} × amount, at most {@code cap} off (null: uncapped). */
    TemplateBuilder percentOff(String factor, String cap) {
        return type(CouponType.DISCOUNT).discount(factor).threshold(null).maxDiscount(cap);
    }

    TemplateBuilder totalCount(long value) {
        totalCount = value;
        return this;
    }

    TemplateBuilder perUserLimit(int value) {
        perUserLimit = value;
        return this;
    }

    TemplateBuilder startTime(Instant value) {
        startTime = value;
        return this;
    }

    TemplateBuilder endTime(Instant value) {
        endTime = value;
        return this;
    }

    TemplateBuilder validDays(Integer value) {
        validDays = value;
        return this;
    }

    /** The template's audience, written as the contract spells it. */
    TemplateBuilder audience(Object rule) {
        audience = io.coupon.domain.AudienceParser.parse(rule);
        return this;
    }

    TemplateBuilder variants(java.util.List<io.coupon.domain.Variant> value) {
        variants = value;
        return this;
    }

    Template build() {
        return new Template(id, name, type, discount, threshold, maxDiscount, totalCount, perUserLimit, startTime,
                endTime, validDays, audience, variants);
    }
}

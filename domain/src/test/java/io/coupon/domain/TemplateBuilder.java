package io.coupon.domain;

import java.math.BigDecimal;
import java.time.Instant;

/** A valid THRESHOLD template ("20 off 200", 1000 units, one per user, 7 days valid) to vary one field at a time. */
final class TemplateBuilder {

    static final Instant START = Instant.parse("2026-11-11T00:00:00Z");
    static final Instant END = Instant.parse("2026-11-12T00:00:00Z");

    private long id = 42;
    private String name = "Double 11: 20 off 200";
    private CouponType type = CouponType.THRESHOLD;
    private BigDecimal discount = new BigDecimal("20.00");
    private BigDecimal threshold = new BigDecimal("200.00");
    private BigDecimal maxDiscount;
    private long totalCount = 1000;
    private int perUserLimit = 1;
    private Instant startTime = START;
    private Instant endTime = END;
    private Integer validDays = 7;
    private Audience audience;
    private java.util.List<Variant> variants;

    private TemplateBuilder() {
    }

    static TemplateBuilder aTemplate() {
        return new TemplateBuilder();
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

    /** A CASH coupon: 10 off, no threshold. */
    TemplateBuilder cash() {
        return type(CouponType.CASH).discount("10.00").threshold(null).maxDiscount(null);
    }

    /** A DISCOUNT coupon: pay 85%, at most 30 off. */
    TemplateBuilder percentOff() {
        return type(CouponType.DISCOUNT).discount("0.85").threshold(null).maxDiscount("30.00");
    }

    TemplateBuilder audience(Audience value) {
        audience = value;
        return this;
    }

    TemplateBuilder variants(java.util.List<Variant> value) {
        variants = value;
        return this;
    }

    Template build() {
        return new Template(id, name, type, discount, threshold, maxDiscount, totalCount, perUserLimit, startTime,
                endTime, validDays, audience, variants);
    }
}

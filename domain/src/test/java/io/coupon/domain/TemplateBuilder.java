package io.coupon.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A valid THRESHOLD template ("20 off 200", 1000 units, one per user, 7 days valid, open from {@link #START} to
 * {@link #END}) to vary one field at a time. Public, and shipped in domain's test-jar, because the topology's tests
 * build their templates with it too: one builder, so a new template field is defaulted in one place.
 */
public final class TemplateBuilder {

    public static final Instant START = Instant.parse("2026-11-11T00:00:00Z");
    public static final Instant END = Instant.parse("2026-11-12T00:00:00Z");

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
    private List<Variant> variants;

    private TemplateBuilder() {
    }

    /** Template 42. */
    public static TemplateBuilder aTemplate() {
        return new TemplateBuilder();
    }

    public static TemplateBuilder aTemplate(long id) {
        return aTemplate().id(id);
    }

    public TemplateBuilder id(long value) {
        id = value;
        return this;
    }

    public TemplateBuilder name(String value) {
        name = value;
        return this;
    }

    public TemplateBuilder type(CouponType value) {
        type = value;
        return this;
    }

    public TemplateBuilder discount(String value) {
        discount = value == null ? null : new BigDecimal(value);
        return this;
    }

    public TemplateBuilder threshold(String value) {
        threshold = value == null ? null : new BigDecimal(value);
        return this;
    }

    public TemplateBuilder maxDiscount(String value) {
        maxDiscount = value == null ? null : new BigDecimal(value);
        return this;
    }

    public TemplateBuilder totalCount(long value) {
        totalCount = value;
        return this;
    }

    public TemplateBuilder perUserLimit(int value) {
        perUserLimit = value;
        return this;
    }

    public TemplateBuilder startTime(Instant value) {
        startTime = value;
        return this;
    }

    public TemplateBuilder endTime(Instant value) {
        endTime = value;
        return this;
    }

    public TemplateBuilder validDays(Integer value) {
        validDays = value;
        return this;
    }

    /** A CASH coupon: 10 off, no threshold. */
    public TemplateBuilder cash() {
        return cash("10.00");
    }

    /** A CASH coupon: {@code amount} off, no threshold. */
    public TemplateBuilder cash(String amount) {
        return type(CouponType.CASH).discount(amount).threshold(null).maxDiscount(null);
    }

    /** A DISCOUNT coupon: pay 85%, at most 30 off. */
    public TemplateBuilder percentOff() {
        return percentOff("0.85", "30.00");
    }

    /** A DISCOUNT coupon: the customer pays {@code factor} × amount, at most {@code cap} off (null: uncapped). */
    public TemplateBuilder percentOff(String factor, String cap) {
        return type(CouponType.DISCOUNT).discount(factor).threshold(null).maxDiscount(cap);
    }

    /** The template's audience, written as the contract spells it (maps and lists, as JSON reads). */
    public TemplateBuilder audience(Object rule) {
        audience = AudienceParser.parse(rule);
        return this;
    }

    public TemplateBuilder variants(List<Variant> value) {
        variants = value;
        return this;
    }

    public Template build() {
        return new Template(id, name, type, discount, threshold, maxDiscount, totalCount, perUserLimit, startTime,
                endTime, validDays, audience, variants);
    }
}

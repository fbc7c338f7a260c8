package io.coupon.topology;

import io.coupon.domain.CouponType;
import io.coupon.domain.Template;
import java.math.BigDecimal;
import java.time.Instant;

/** A valid THRESHOLD template inside the fixture's window, to vary one field at a time. */
final class TemplateBuilder {

    private long id = 42;
    private String name = "Double 11: 20 off 200";
    private long totalCount = 100;
    private int perUserLimit = 1;
    private Instant startTime = TopologyFixture.START;
    private Instant endTime = TopologyFixture.END;
    private Integer validDays = 7;

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

    Template build() {
        return new Template(id, name, CouponType.THRESHOLD, new BigDecimal("20.00"), new BigDecimal("200.00"), null,
                totalCount, perUserLimit, startTime, endTime, validDays);
    }
}

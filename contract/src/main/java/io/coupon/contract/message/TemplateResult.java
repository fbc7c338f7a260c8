package io.coupon.contract.message;

import io.coupon.domain.Stock;
import io.coupon.domain.Template;

/** The answer to a {@link DefineTemplate}: the template as stored and its stock. */
public record TemplateResult(String requestId, Status status, Template template, Stock stock) {

    public enum Status {
        CREATED,
        /** The id was taken; {@code template} is the one already stored. */
        ALREADY_EXISTS
    }
}

package io.coupon.contract.message;

import io.coupon.domain.Stock;
import io.coupon.domain.Template;

/**
 * The answer to a {@link DefineTemplate} or a {@link PatchTemplate}: the template as stored and its stock.
 *
 * @param reason why a patch was refused; null otherwise
 */
public record TemplateResult(String requestId, Status status, Template template, Stock stock, String reason) {

    public TemplateResult(String requestId, Status status, Template template, Stock stock) {
        this(requestId, status, template, stock, null);
    }

    public enum Status {
        CREATED,
        /** The id was taken; {@code template} is the one already stored. */
        ALREADY_EXISTS,
        /** A patch was applied; {@code template} is the template after it. */
        UPDATED,
        /** A patch of a template that does not exist. */
        NOT_FOUND,
        /** A patch of an ended template that would have changed it; nothing changed. */
        ENDED,
        /** A patch lowering totalCount below the units already granted; nothing changed. */
        BELOW_GRANTED,
        /** A patch leaving the template invalid (endTime before startTime, …); nothing changed. */
        INVALID
    }
}

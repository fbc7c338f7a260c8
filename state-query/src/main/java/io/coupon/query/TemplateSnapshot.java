package io.coupon.query;

import io.coupon.domain.Stock;
import io.coupon.domain.Template;

/** A template's definition and live stock, read together from its partition. */
public record TemplateSnapshot(Template template, Stock stock) {
}

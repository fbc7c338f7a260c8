package io.coupon.query;

import io.coupon.contract.http.TemplateView;
import java.time.Instant;
import java.util.List;

/**
 * The answer to {@code GET /v1/templates}: every template as {@code GET /v1/templates/{id}} shows it (live
 * {@code status} and {@code remaining}), sorted by id, at most {@link TemplateListing#LIMIT}; {@code truncated}
 * is true when there are more.
 */
public record TemplateListView(List<TemplateView> templates, boolean truncated) {

    public static TemplateListView of(TemplateListing listing, Instant now) {
        return new TemplateListView(listing.templates().stream()
                .map(s -> TemplateView.of(s.template(), s.stock(), now))
                .toList(), listing.truncated());
    }
}

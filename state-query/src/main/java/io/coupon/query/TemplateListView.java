package io.coupon.query;

import io.coupon.contract.http.TemplateView;
import java.time.Instant;
import java.util.List;

/**
 * The answer to {@code GET /v1/templates}: one page of templates as {@code GET /v1/templates/{id}} shows them
 * (live {@code status} and {@code remaining}), sorted by id; {@code truncated} is true when there are more, and
 * {@code nextCursor} (null on the last page) asks for them.
 */
public record TemplateListView(List<TemplateView> templates, boolean truncated, String nextCursor) {

    public static TemplateListView of(TemplateListing listing, Instant now) {
        List<TemplateView> templates = listing.templates().stream()
                .map(s -> TemplateView.of(s.template(), s.stock(), now))
                .toList();
        String next = listing.truncated() && !templates.isEmpty()
                ? TemplatePage.cursorAfter(listing.templates().get(templates.size() - 1).template().id()) : null;
        return new TemplateListView(templates, listing.truncated(), next);
    }
}

package io.coupon.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Templates with their live stock, sorted by id, at most {@link #LIMIT}; {@code truncated} says that more
 * exist. What {@code GET /internal/v1/templates} answers, so instances can merge each other's listings.
 */
public record TemplateListing(List<TemplateSnapshot> templates, boolean truncated) {

    /** The most templates one listing holds. */
    public static final int LIMIT = 1_000;

    private static final Comparator<TemplateSnapshot> BY_ID = Comparator.comparingLong(s -> s.template().id());

    public TemplateListing {
        templates = List.copyOf(templates);
    }

    /** The first {@link #LIMIT} templates by id of all the given ones. */
    public static TemplateListing of(List<TemplateSnapshot> templates, boolean truncated) {
        List<TemplateSnapshot> sorted = new ArrayList<>(templates);
        sorted.sort(BY_ID);
        if (sorted.size() > LIMIT) {
            return new TemplateListing(sorted.subList(0, LIMIT), true);
        }
        return new TemplateListing(sorted, truncated);
    }

    /**
     * Listings of disjoint sets of templates (each instance owns its partitions) as one. Each is the first
     * {@link #LIMIT} of its own set, so the first {@link #LIMIT} of their union are the first of all templates.
     */
    public static TemplateListing merge(List<TemplateListing> listings) {
        List<TemplateSnapshot> all = new ArrayList<>();
        boolean truncated = false;
        for (TemplateListing listing : listings) {
            all.addAll(listing.templates());
            truncated |= listing.truncated();
        }
        return of(all, truncated);
    }
}

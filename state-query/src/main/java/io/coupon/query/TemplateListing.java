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
        return of(templates, truncated, LIMIT);
    }

    /** The first {@code limit} templates by id of all the given ones; truncated when more were given. */
    public static TemplateListing of(List<TemplateSnapshot> templates, boolean truncated, int limit) {
        List<TemplateSnapshot> sorted = new ArrayList<>(templates);
        sorted.sort(BY_ID);
        if (sorted.size() > limit) {
            return new TemplateListing(sorted.subList(0, limit), true);
        }
        return new TemplateListing(sorted, truncated);
    }

    /**
     * Listings of disjoint sets of templates (each instance owns its partitions) as one. Each is the first
     * {@code limit} of its own set past the same id, so the first {@code limit} of their union are the first of
     * all templates past it.
     */
    public static TemplateListing merge(List<TemplateListing> listings, int limit) {
        List<TemplateSnapshot> all = new ArrayList<>();
        boolean truncated = false;
        for (TemplateListing listing : listings) {
            all.addAll(listing.templates());
            truncated |= listing.truncated();
        }
        return of(all, truncated, limit);
    }
}

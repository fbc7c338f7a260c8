package io.coupon.domain;

import java.time.Instant;
import java.util.List;

/**
 * Applies a {@link TemplatePatch} to a template and its stock, in the template's partition, so every claim
 * decided after it sees it. An ended template (over its window, or ended early) is final: a patch that would
 * change it is refused, one that changes nothing is answered with the template as it is. A total below the units
 * already granted is refused, so {@code remaining} never goes negative.
 */
public final class TemplateLifecycle {

    public enum Result {
        APPLIED,
        UNKNOWN_TEMPLATE,
        /** The template had ended; nothing changed. */
        ENDED,
        /** The new totalCount is below the units already granted; nothing changed. */
        BELOW_GRANTED,
        /** The template after the patch breaks a definition rule (endTime before startTime, …); nothing changed. */
        INVALID
    }

    /** @param template and stock: as they stand after the decision (unchanged unless APPLIED) */
    public record Outcome(Result result, Template template, Stock stock, String message) {

        public boolean applied() {
            return result == Result.APPLIED;
        }
    }

    private TemplateLifecycle() {
    }

    public static Outcome apply(Template template, Stock stock, TemplatePatch patch, Instant at) {
        if (template == null) {
            return new Outcome(Result.UNKNOWN_TEMPLATE, null, null, "no such template");
        }
        Template next = template.patched(
                patch.name() != null ? patch.name() : template.name(),
                patch.totalCount() != null ? patch.totalCount() : template.totalCount(),
                patch.endTime() != null ? patch.endTime() : template.endTime(),
                patch.metadata() != null ? patch.metadata() : template.metadata(),
                patch.status() != null ? patch.status() : template.campaignStatus());
        if (template.finishedAt(at)) {
            return sameAs(template, next)
                    ? new Outcome(Result.APPLIED, template, stock, null)
                    : new Outcome(Result.ENDED, template, stock, "the template has ended; it cannot change any more");
        }
        if (next.totalCount() < stock.granted()) {
            return new Outcome(Result.BELOW_GRANTED, template, stock, "totalCount " + next.totalCount()
                    + " is below the " + stock.granted() + " units already granted");
        }
        List<String> problems = TemplateValidation.problems(next, at);
        if (!problems.isEmpty()) {
            return new Outcome(Result.INVALID, template, stock, String.join("; ", problems));
        }
        return new Outcome(Result.APPLIED, next, new Stock(next.totalCount(), stock.granted()), null);
    }

    /**
     * Whether the patch changes nothing on an ended template: the same fields, and a status that is the current
     * one or ENDED (ending an ended template again is no change).
     */
    private static boolean sameAs(Template current, Template next) {
        CampaignStatus asked = next.campaignStatusOrDefault();
        boolean sameStatus = asked == current.campaignStatusOrDefault() || asked == CampaignStatus.ENDED;
        return sameStatus && current.patched(next.name(), next.totalCount(), next.endTime(), next.metadata(),
                current.campaignStatus()).equals(current);
    }
}

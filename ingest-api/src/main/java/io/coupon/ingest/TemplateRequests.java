package io.coupon.ingest;

import io.coupon.contract.http.StrictJson;
import io.coupon.contract.http.ApiException;
import io.coupon.domain.CampaignStatus;
import io.coupon.domain.CouponType;
import io.coupon.domain.Scope;
import io.coupon.domain.Stacking;
import io.coupon.domain.Template;
import io.coupon.domain.TemplatePatch;
import io.coupon.domain.TemplateValidation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Reads a template definition from a request body; semantic rules are the domain's. */
final class TemplateRequests {

    /** Server-made ids stay below 2^53 so JavaScript clients read them exactly. */
    private static final long MAX_GENERATED_ID = 1L << 53;

    private TemplateRequests() {
    }

    static Template parse(StrictJson body, Instant now) {
        Long id = body.optionalPositiveLong("id");
        return new Template(
                id != null ? id : ThreadLocalRandom.current().nextLong(1, MAX_GENERATED_ID),
                body.text("name"),
                body.enumValue("type", CouponType.class),
                body.money("discount"),
                body.optionalMoney("threshold"),
                body.optionalMoney("maxDiscount"),
                body.longAtLeast("totalCount", 1),
                body.has("perUserLimit") ? body.intAtLeast("perUserLimit", 1) : Template.DEFAULT_PER_USER_LIMIT,
                body.has("startTime") ? body.instant("startTime") : now,
                body.instant("endTime"),
                body.optionalIntAtLeast("validDays", 1),
                MarketingRequests.audience(body, "audience"),
                MarketingRequests.variants(body),
                metadata(body),
                body.has("scope") ? scope(body.object("scope")) : null,
                body.has("stacking") ? body.enumValue("stacking", Stacking.class) : null,
                body.has("stackGroup") ? body.text("stackGroup") : null,
                null);
    }

    /** The operator's metadata: a JSON object of at most 4 KiB. */
    static final int MAX_METADATA_BYTES = 4 * 1024;

    /**
     * A PATCH body: any of status (PAUSED, ACTIVE, ENDED), totalCount, endTime (not in the past), name, metadata.
     * What needs the stored template (an ended template, the units granted, endTime after startTime) is judged
     * by the decider.
     */
    static TemplatePatch patch(StrictJson body, Instant now) {
        CampaignStatus status = body.has("status") ? body.enumValue("status", CampaignStatus.class) : null;
        Long totalCount = body.has("totalCount") ? body.longAtLeast("totalCount", 1) : null;
        Instant endTime = body.has("endTime") ? body.instant("endTime") : null;
        if (endTime != null && !endTime.isAfter(now)) {
            throw ApiException.badRequest("endTime is already past");
        }
        String range = endTime == null ? null : TemplateValidation.timeProblem("endTime", endTime);
        if (range != null) {
            throw ApiException.badRequest(range);
        }
        String name = body.has("name") ? body.text("name") : null;
        if (name != null && (name.isBlank() || name.length() > 200)) {
            throw ApiException.badRequest("name must be 1 to 200 characters");
        }
        TemplatePatch patch = new TemplatePatch(status, totalCount, endTime, name, metadata(body));
        if (patch.empty()) {
            throw ApiException.badRequest("give at least one of status, totalCount, endTime, name, metadata");
        }
        return patch;
    }

    private static Map<String, Object> metadata(StrictJson body) {
        return body.has("metadata")
                ? MarketingRequests.writable(body.freeObject("metadata", MAX_METADATA_BYTES), "metadata") : null;
    }

    private static Scope scope(StrictJson scope) {
        int max = TemplateValidation.MAX_SCOPE_ENTRIES;
        List<String> skus = scope.has("skus") ? scope.strings("skus", 0, max, 64) : List.of();
        List<String> categories = scope.has("categories") ? scope.strings("categories", 0, max, 64) : List.of();
        return new Scope(skus, categories);
    }
}

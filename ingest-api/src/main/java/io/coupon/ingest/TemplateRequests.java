package io.coupon.ingest;

import io.coupon.domain.CouponType;
import io.coupon.domain.Template;
import java.time.Instant;
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
                MarketingRequests.variants(body));
    }
}

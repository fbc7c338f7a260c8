package io.coupon.domain;

import java.time.Instant;
import java.util.Map;

/**
 * What an operator asks to change on a template ({@code PATCH /v1/templates/{id}}); null means "leave as it is".
 * {@code metadata} replaces the template's metadata whole.
 */
public record TemplatePatch(CampaignStatus status, Long totalCount, Instant endTime, String name,
                            Map<String, Object> metadata) {

    public boolean empty() {
        return status == null && totalCount == null && endTime == null && name == null && metadata == null;
    }
}

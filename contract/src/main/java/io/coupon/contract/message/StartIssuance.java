package io.coupon.contract.message;

import io.coupon.domain.Audience;
import java.time.Instant;
import java.util.List;

/**
 * Starts a targeted issuance, written to every partition of {@code issuance-requests}: each partition walks its own
 * users, those with a profile matching {@code audience} (null: every user with a profile), or its own share of
 * {@code userIds} (then {@code audience} is not used).
 *
 * @param partitions how many partitions take part, so the progress knows when all have walked
 */
public record StartIssuance(String requestId, long templateId, String issuanceId, Audience audience,
                            List<Long> userIds, int partitions, Instant at) {
}

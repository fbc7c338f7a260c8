package io.coupon.contract.message;

import io.coupon.domain.TemplatePatch;
import java.time.Instant;

/**
 * Changes a template (pause, resume, end, restock, rename, …) in its own partition, so every claim decided after
 * it sees the change. Its answer goes to {@code template-results} under {@code requestId}; {@code at} is when
 * the API accepted it, the instant the change is judged at.
 */
public record PatchTemplate(String requestId, long templateId, TemplatePatch patch, Instant at)
        implements ClaimCommand {
}

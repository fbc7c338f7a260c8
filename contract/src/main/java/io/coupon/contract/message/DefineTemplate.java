package io.coupon.contract.message;

import io.coupon.domain.Template;

/** Defines a template. Its answer goes to {@code template-results} under {@code requestId}. */
public record DefineTemplate(String requestId, Template template) implements ClaimCommand {
}

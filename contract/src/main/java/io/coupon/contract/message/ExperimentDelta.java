package io.coupon.contract.message;

import io.coupon.domain.VariantCounts;

/** One change to a variant's counts, on {@code experiment-events} keyed by template id. */
public record ExperimentDelta(long templateId, String variant, VariantCounts delta) {
}

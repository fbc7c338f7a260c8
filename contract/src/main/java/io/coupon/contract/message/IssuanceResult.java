package io.coupon.contract.message;

import io.coupon.domain.IssuanceProgress;

/** The answer to an issuance's start: its progress as recorded, on {@code issuance-results} keyed by template id. */
public record IssuanceResult(String requestId, IssuanceProgress progress) {
}

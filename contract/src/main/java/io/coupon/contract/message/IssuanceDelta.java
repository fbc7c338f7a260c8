package io.coupon.contract.message;

import io.coupon.domain.ClaimStatus;

/**
 * One report about an issuance, on {@code issuance-progress} keyed by template id: its start (from the API,
 * {@code partitions} > 0), a walker's progress (users matched, and whether its partition is walked), or the
 * outcome of one issued claim (from the decider).
 */
public record IssuanceDelta(long templateId, String issuanceId, String requestId, int partitions, long matched,
                            boolean walked, ClaimStatus outcome) {

    public static IssuanceDelta started(StartIssuance start) {
        return new IssuanceDelta(start.templateId(), start.issuanceId(), start.requestId(), start.partitions(), 0,
                false, null);
    }

    public static IssuanceDelta walked(long templateId, String issuanceId, long matched, boolean finished) {
        return new IssuanceDelta(templateId, issuanceId, null, 0, matched, finished, null);
    }

    public static IssuanceDelta decided(long templateId, String issuanceId, ClaimStatus outcome) {
        return new IssuanceDelta(templateId, issuanceId, null, 0, 0, false, outcome);
    }
}

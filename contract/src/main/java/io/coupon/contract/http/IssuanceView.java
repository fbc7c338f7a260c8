package io.coupon.contract.http;

import io.coupon.domain.ClaimStatus;
import io.coupon.domain.IssuanceProgress;
import java.util.Map;

/** A targeted issuance's progress as the contract shows it. */
public record IssuanceView(String issuanceId, long templateId, IssuanceProgress.Status status, long matched,
                           long granted, Map<ClaimStatus, Long> rejected) {

    public static IssuanceView of(IssuanceProgress p) {
        return new IssuanceView(p.issuanceId(), p.templateId(), p.status(), p.matched(), p.granted(), p.rejected());
    }

    /** Where the issuance's progress can be read; the issuance id is percent-encoded. */
    public static String location(long templateId, String issuanceId) {
        return "/v1/templates/" + templateId + "/issuances/" + PathParams.segment(issuanceId);
    }
}

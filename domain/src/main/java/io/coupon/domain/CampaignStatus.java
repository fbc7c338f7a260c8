package io.coupon.domain;

/** What the operator set with a PATCH: running, paused for now, or ended early for good. */
public enum CampaignStatus {
    ACTIVE, PAUSED, ENDED
}

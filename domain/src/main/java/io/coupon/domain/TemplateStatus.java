package io.coupon.domain;

/** What a template looks like from outside at a given moment. */
public enum TemplateStatus {
    NOT_STARTED, ACTIVE, ENDED, SOLD_OUT, PAUSED
}

package io.coupon.domain;

/** An audience rule, profile or experiment definition a client sent that breaks the contract: answered 400. */
public final class InvalidRuleException extends IllegalArgumentException {

    public InvalidRuleException(String message) {
        super(message);
    }
}

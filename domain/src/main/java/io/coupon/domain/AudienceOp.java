package io.coupon.domain;

import java.util.Locale;

/** The operators of an audience leaf, as the contract spells them in lower case. */
public enum AudienceOp {
    EQ, NE, GT, GTE, LT, LTE, IN, CONTAINS, EXISTS;

    /** The operator named {@code name} ("gte"), or null when there is none. */
    public static AudienceOp parse(String name) {
        for (AudienceOp op : values()) {
            if (op.wireName().equals(name)) {
                return op;
            }
        }
        return null;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}

package io.coupon.contract;

import java.time.Instant;

/** Composite store keys, built in one place so the topology and the queries agree on them. */
public final class Keys {

    private Keys() {
    }

    public static String templateUser(long templateId, long userId) {
        return templateId + ":" + userId;
    }

    public static String templateRequest(long templateId, String requestId) {
        return templateId + ":" + requestId;
    }

    /** Zero-padded millis first, so the store's byte order is time order and a range scan finds what expired. */
    public static String expiryIndex(Instant at, String key) {
        return String.format("%013d|%s", Math.max(0, at.toEpochMilli()), key);
    }

    /** The smallest index key at or after {@code at}: the exclusive upper bound of a scan for "expired by then". */
    public static String expiryIndexBound(Instant at) {
        return String.format("%013d|", Math.max(0, at.toEpochMilli()));
    }
}

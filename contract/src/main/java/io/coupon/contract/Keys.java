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

    /**
     * The idempotency key of the claim a targeted issuance makes for one user: the same for every run, so the
     * decider answers a repeat with the first outcome. It holds spaces, which clients' keys cannot, so no client
     * can take it first.
     */
    public static String issuanceRequest(String issuanceId, long userId) {
        return "issuance " + issuanceId + " " + userId;
    }

    public static String userOrder(long userId, String orderId) {
        return userId + ":" + orderId;
    }

    /** The timer that releases an order's lock: {@code L|user|order}. */
    public static String lockTimer(long userId, String orderId) {
        return "L|" + userId + "|" + orderId;
    }

    /** The timer that expires a coupon: {@code E|user|coupon}. */
    public static String expiryTimer(long userId, String couponId) {
        return "E|" + userId + "|" + couponId;
    }

    /** A timer read back from its index key: what kind, whose, and which order or coupon. */
    public record Timer(boolean lock, long userId, String id) {
        public static Timer parse(String indexKey) {
            String[] parts = indexKey.split("\\|", 4);
            return new Timer(parts[1].equals("L"), Long.parseLong(parts[2]), parts[3]);
        }
    }

    /** Zero-padded millis first, so the store's byte order is time order and a range scan finds what expired. */
    public static String expiryIndex(Instant at, String key) {
        return paddedMillis(at).append(key).toString();
    }

    /** The smallest index key at or after {@code at}: the exclusive upper bound of a scan for "expired by then". */
    public static String expiryIndexBound(Instant at) {
        return paddedMillis(at).toString();
    }

    /** Hand-rolled rather than String.format: this runs for every claim and format's parsing showed in profiles. */
    private static StringBuilder paddedMillis(Instant at) {
        String millis = Long.toString(Math.max(0, at.toEpochMilli()));
        StringBuilder key = new StringBuilder(13 + 1 + 48);
        for (int i = millis.length(); i < 13; i++) {
            key.append('0');
        }
        return key.append(millis).append('|');
    }
}

package io.coupon.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Claims this instance accepted (answered 202) whose outcome it has not seen yet, so a lookup can answer
 * "pending" rather than "unknown". Bounded: the oldest entries fall out first; a lookup of one that fell out
 * answers from the stores once decided, which is what matters.
 */
public final class UndecidedClaims {

    private final Map<String, Boolean> keys;

    public UndecidedClaims(int capacity) {
        this.keys = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    public static String key(long templateId, String requestId) {
        return templateId + ":" + requestId;
    }

    public synchronized void accepted(long templateId, String requestId) {
        keys.put(key(templateId, requestId), Boolean.TRUE);
    }

    public synchronized void decided(long templateId, String requestId) {
        keys.remove(key(templateId, requestId));
    }

    public synchronized boolean isUndecided(long templateId, String requestId) {
        return keys.containsKey(key(templateId, requestId));
    }
}

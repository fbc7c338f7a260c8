package io.coupon.bench.baseline;

import java.util.LinkedHashMap;
import java.util.Map;

/** An HTTP answer of the baseline: a code and a JSON body (null for none). */
record Answer(int status, Object body) {

    static Answer error(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return new Answer(status, body);
    }

    /** A rejection with the platform's shape: {@code error}, {@code message} and {@code status} (409s). */
    static Answer rejected(int status, String code, String message, Map<String, Object> more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        body.put("status", code);
        body.putAll(more);
        return new Answer(status, body);
    }
}

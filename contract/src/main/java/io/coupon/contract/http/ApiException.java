package io.coupon.contract.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer other than success, as the contract shapes it: {@code {"error", "message", ...fields}}. Thrown by
 * validation and services; one handler registered by the server turns it into the response.
 */
public final class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> fields;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of(), Map.of());
    }

    public ApiException(int status, String code, String message, Map<String, Object> fields,
                        Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.fields = fields;
        this.headers = headers;
    }

    public static ApiException badRequest(String message) {
        return new ApiException(400, "BAD_REQUEST", message);
    }

    public static ApiException notFound(String code, String message) {
        return new ApiException(404, code, message);
    }

    public static ApiException unavailable(String message) {
        return new ApiException(503, "UNAVAILABLE", message, Map.of(), Map.of("Retry-After", "1"));
    }

    public int status() {
        return status;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", getMessage());
        body.putAll(fields);
        return body;
    }
}

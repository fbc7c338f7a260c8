package io.coupon.server;

import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpStatus;

/**
 * The contract's error code for an HTTP status that no handler chose a code for: Javalin's own answers (no such
 * path, wrong method) and Jetty's (a header too large, a bad Host, a body that never arrived). The codes the
 * README names are fixed here; any other status gets its reason phrase in capitals.
 */
final class ErrorCodes {

    private static final Map<Integer, String> NAMED = Map.of(
            400, "BAD_REQUEST",
            404, "NOT_FOUND",
            405, "METHOD_NOT_ALLOWED",
            408, "REQUEST_TIMEOUT",
            413, "PAYLOAD_TOO_LARGE",
            414, "URI_TOO_LONG",
            431, "HEADERS_TOO_LARGE",
            500, "INTERNAL",
            503, "UNAVAILABLE");

    private ErrorCodes() {
    }

    static String of(int status) {
        String named = NAMED.get(status);
        if (named != null) {
            return named;
        }
        String reason = HttpStatus.getMessage(status);
        return reason == null || reason.isBlank() ? "HTTP_" + status
                : reason.trim().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", "_");
    }

    /** A message for a status whose answer carries none of its own. */
    static String message(int status, String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        String reason = HttpStatus.getMessage(status);
        return reason == null || reason.isBlank() ? "HTTP " + status : reason;
    }
}

package io.coupon.contract.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Ids in paths: ours are positive 64-bit integers, clients' are short visible strings; else 400. */
public final class PathParams {

    private PathParams() {
    }

    public static long positiveId(String name, String raw) {
        try {
            long id = Long.parseLong(raw);
            if (id >= 1) {
                return id;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.badRequest(name + " must be a positive 64-bit integer, got '" + raw + "'");
    }

    /** An id clients choose (idempotency key, order id): 1 to 64 visible ASCII characters, no spaces. */
    private static final Pattern CLIENT_ID = Pattern.compile("[\\x21-\\x7E]{1,64}");

    public static String clientId(String name, String raw) {
        if (raw == null || !CLIENT_ID.matcher(raw).matches()) {
            throw ApiException.badRequest(name + " must be 1 to 64 visible ASCII characters without spaces");
        }
        return raw;
    }

    /** {@code value} as one path segment: client ids may hold / ? or %, so every reserved character is encoded. */
    public static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

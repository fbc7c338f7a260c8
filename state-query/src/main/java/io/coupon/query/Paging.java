package io.coupon.query;

import io.coupon.contract.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What the paged lists share: the {@code limit} a client writes, and the opaque cursor that carries a list's
 * position to the next page. A cursor is its list's tag and the position, so one list's cursor is refused by
 * another, and the position can change form without breaking any client.
 */
final class Paging {

    private Paging() {
    }

    /** {@code limit} as a whole number from 1 to {@code max}; absent: {@code otherwise}. */
    static int limit(String limit, int max, int otherwise) {
        if (limit == null) {
            return otherwise;
        }
        int size;
        try {
            size = Integer.parseInt(limit.trim());
        } catch (NumberFormatException e) {
            size = -1;
        }
        if (size < 1 || size > max) {
            throw ApiException.badRequest("limit must be a whole number from 1 to " + max);
        }
        return size;
    }

    /** The cursor of {@code position} in the list tagged {@code tag}. */
    static String cursor(String tag, String position) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((tag + position).getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor of the list tagged {@code tag} carries; a 400 for any cursor this server did not give. */
    static String position(String tag, String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (decoded.startsWith(tag) && decoded.length() > tag.length()) {
                return decoded.substring(tag.length());
            }
        } catch (IllegalArgumentException malformed) {
            // answered below, the same for every kind of bad cursor
        }
        throw notACursor();
    }

    static ApiException notACursor() {
        return ApiException.badRequest("cursor is not one this server gave (use the previous page's nextCursor)");
    }
}

package io.coupon.query;

import io.coupon.contract.http.ApiException;

/** The {@code limit} of a paged list, as a client writes it. */
final class PageLimit {

    private PageLimit() {
    }

    /** {@code limit} as a whole number from 1 to {@code max}; absent: {@code otherwise}. */
    static int parse(String limit, int max, int otherwise) {
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
}

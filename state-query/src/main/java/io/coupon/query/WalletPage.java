package io.coupon.query;

import io.coupon.contract.http.ApiException;
import java.util.List;
import java.util.function.Function;

/**
 * Which of a wallet's coupons one answer holds: those after the coupon {@code afterCouponId} (null: from the
 * first), at most {@code limit} (0: all of them, the answer without paging). A wallet only grows, in the order
 * its coupons were granted, so the coupon a cursor names stays where it was; the client sees it only as an
 * opaque cursor, the previous page's {@code nextCursor}.
 */
record WalletPage(String afterCouponId, int limit) {

    static final int MAX_LIMIT = 1_000;
    private static final String CURSOR_PREFIX = "w1:";

    /** One page of {@code items}, and the cursor of the next one (null when none is left). */
    record Slice<T>(List<T> items, String nextCursor) {
    }

    static WalletPage parse(String limit, String cursor) {
        // Without a limit, the whole wallet: the answer it always was.
        return new WalletPage(cursor == null ? null : Paging.position(CURSOR_PREFIX, cursor),
                Paging.limit(limit, MAX_LIMIT, 0));
    }

    <T> Slice<T> of(List<T> items, Function<T, String> couponId) {
        int from = 0;
        if (afterCouponId != null) {
            int at = indexOf(items, couponId);
            if (at < 0) {
                throw ApiException.badRequest("cursor does not point into this list (use the previous page's "
                        + "nextCursor, with the same filters)");
            }
            from = at + 1;
        }
        int to = limit == 0 ? items.size() : Math.min(items.size(), from + limit);
        List<T> page = items.subList(from, to);
        String next = to < items.size() && !page.isEmpty() ? cursorAfter(couponId.apply(page.get(page.size() - 1)))
                : null;
        return new Slice<>(List.copyOf(page), next);
    }

    private <T> int indexOf(List<T> items, Function<T, String> couponId) {
        for (int i = 0; i < items.size(); i++) {
            if (couponId.apply(items.get(i)).equals(afterCouponId)) {
                return i;
            }
        }
        return -1;
    }

    static String cursorAfter(String couponId) {
        return Paging.cursor(CURSOR_PREFIX, couponId);
    }
}

package io.coupon.query;

/**
 * Which templates one answer of {@code GET /v1/templates} holds: those with an id above {@code afterId}, at most
 * {@code limit} of them, by id. The client sees the position only as an opaque cursor, the previous page's
 * {@code nextCursor}, so it can change without breaking anyone.
 */
public record TemplatePage(long afterId, int limit) {

    /** What an answer holds without {@code limit}: as many as the list ever held at once. */
    public static final int MAX_LIMIT = TemplateListing.LIMIT;
    public static final TemplatePage FIRST = new TemplatePage(0, MAX_LIMIT);
    private static final String CURSOR_PREFIX = "t1:";

    public TemplatePage {
        if (afterId < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("no such page: after " + afterId + ", limit " + limit);
        }
    }

    /** The page a client asks for with {@code limit} and {@code cursor} (either may be absent). */
    public static TemplatePage parse(String limit, String cursor) {
        return new TemplatePage(cursor == null ? 0 : afterIdOf(cursor), Paging.limit(limit, MAX_LIMIT, MAX_LIMIT));
    }

    /** The cursor of the page after one whose last template is {@code lastId}. */
    public static String cursorAfter(long lastId) {
        return Paging.cursor(CURSOR_PREFIX, String.valueOf(lastId));
    }

    private static long afterIdOf(String cursor) {
        try {
            long afterId = Long.parseLong(Paging.position(CURSOR_PREFIX, cursor));
            if (afterId >= 0) {
                return afterId;
            }
        } catch (NumberFormatException malformed) {
            // answered below, like any other cursor this server did not give
        }
        throw Paging.notACursor();
    }
}

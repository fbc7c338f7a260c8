package io.coupon.contract.http;

/** Ids in paths follow the same rule as in bodies: positive 64-bit integers, else 400. */
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
}

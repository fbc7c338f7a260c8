package io.coupon.connect;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The one shard function of the platform. The coupon rows of user {@code u} live in table
 * {@code coupon_NN}, where {@code NN = Math.floorMod(u, 16)} written with two digits: {@code coupon_00} …
 * {@code coupon_15}. {@code floorMod}, not {@code %}, so a negative id still lands in 0..15.
 *
 * <p>The sink, {@link MysqlCoupons}, the reconcile command, the tests and the README all route through this class;
 * nothing else computes a shard. Which server holds a shard is a separate, configurable question: see
 * {@link ShardMap}.
 */
public final class ShardRouter {

    /** How many {@code coupon_NN} tables there are. Changing it means moving rows: it is not a setting. */
    public static final int SHARDS = 16;

    private static final List<Integer> ALL = IntStream.range(0, SHARDS).boxed().toList();

    private ShardRouter() {
    }

    public static int shardOf(long userId) {
        return Math.floorMod(userId, SHARDS);
    }

    public static String table(int shard) {
        if (shard < 0 || shard >= SHARDS) {
            throw new IllegalArgumentException("shard must be 0.." + (SHARDS - 1) + ", not " + shard);
        }
        return String.format(Locale.ROOT, "coupon_%02d", shard);
    }

    /** {@code table(shardOf(userId))}: where the coupons of {@code userId} are. */
    public static String tableOf(long userId) {
        return table(shardOf(userId));
    }

    /** 0, 1, …, 15. */
    public static List<Integer> allShards() {
        return ALL;
    }
}

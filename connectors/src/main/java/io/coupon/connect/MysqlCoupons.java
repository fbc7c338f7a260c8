package io.coupon.connect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads back what the sink wrote, wherever the {@link ShardMap} put it: the reconcile command's view of MySQL.
 * Holds one small pool per server; close it when done.
 */
public final class MysqlCoupons implements AutoCloseable {

    /** One row of a shard table; times are UTC, {@code useTime} and {@code orderId} may be null. */
    public record CouponRow(String couponId, long userId, long templateId, String status, long version, int shard,
                            Instant acquireTime, Instant useTime, String orderId, Instant expiresAt) {
    }

    private final ShardPools pools;

    public MysqlCoupons(ShardMap shards, String user, String password) {
        this.pools = new ShardPools(shards, user, password, "coupon-read");
    }

    /** Every shard on the server and database of {@code url}. */
    public static MysqlCoupons connect(String url, String user, String password) {
        return new MysqlCoupons(ShardMap.single(url), user, password);
    }

    /** Rows per template id, summed over the 16 shards; templates without rows are absent. */
    public Map<Long, Long> countsByTemplate() throws SQLException {
        Map<Long, Long> counts = new TreeMap<>();
        for (int shard : ShardRouter.allShards()) {
            try (Connection c = pools.forShard(shard).getConnection();
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT template_id, COUNT(*) FROM " + ShardRouter.table(shard)
                         + " GROUP BY template_id")) {
                while (rs.next()) {
                    counts.merge(rs.getLong(1), rs.getLong(2), Long::sum);
                }
            }
        }
        return counts;
    }

    /** Rows of one template, summed over the 16 shards. */
    public long countOfTemplate(long templateId) throws SQLException {
        long count = 0;
        for (int shard : ShardRouter.allShards()) {
            try (Connection c = pools.forShard(shard).getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + ShardRouter.table(shard)
                         + " WHERE template_id = ?")) {
                ps.setLong(1, templateId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count += rs.getLong(1);
                }
            }
        }
        return count;
    }

    /** The row of {@code couponId}, looked up in the shard of {@code userId} only. */
    public Optional<CouponRow> coupon(String couponId, long userId) throws SQLException {
        int shard = ShardRouter.shardOf(userId);
        try (Connection c = pools.forShard(shard).getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT coupon_id, user_id, template_id, status, version,"
                     + " acquire_time, use_time, order_id, expires_at FROM " + ShardRouter.table(shard)
                     + " WHERE coupon_id = ? AND user_id = ?")) {
            ps.setString(1, couponId);
            ps.setLong(2, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new CouponRow(rs.getString("coupon_id"), rs.getLong("user_id"),
                        rs.getLong("template_id"), rs.getString("status"), rs.getLong("version"), shard,
                        instant(rs, "acquire_time"), instant(rs, "use_time"), rs.getString("order_id"),
                        instant(rs, "expires_at")));
            }
        }
    }

    /** Empties the 16 shard tables and the template table. For tests and demos. */
    public void truncateAll() throws SQLException {
        ShardMap shards = pools.shards();
        for (int shard : ShardRouter.allShards()) {
            execute(shards.urlOf(shard), "TRUNCATE TABLE " + ShardRouter.table(shard));
        }
        execute(shards.templateUrl(), "TRUNCATE TABLE " + CouponSchema.TEMPLATE_TABLE);
    }

    /** Whether every server answers within the pool's borrow timeout; for health details. */
    public boolean reachable() {
        for (String url : pools.shards().urls()) {
            try (Connection c = pools.forUrl(url).getConnection()) {
                if (!c.isValid(2)) {
                    return false;
                }
            } catch (SQLException e) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        pools.close();
    }

    private void execute(String url, String sql) throws SQLException {
        try (Connection c = pools.forUrl(url).getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}

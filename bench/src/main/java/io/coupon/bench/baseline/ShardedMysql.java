package io.coupon.bench.baseline;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The baseline's MariaDB: {@code coupon_template} and {@code coupon_record} split into 16 tables by
 * {@code user_id mod 16}, in one database reached through one HikariCP pool.
 */
public final class ShardedMysql implements CouponRecords, AutoCloseable {

    public static final int SHARDS = 16;

    /** A coupon row as the wallet and the redemption read it. */
    public record Row(String couponId, long templateId, long userId, String status, Instant acquiredAt,
            Instant expiresAt, String orderId, Instant usedAt) {
    }

    private final HikariDataSource pool;

    /**
     * @param serverUrl e.g. {@code jdbc:mariadb://127.0.0.1:3306/}: the server, without a database
     * @param fresh     drop the baseline's tables first, so a run starts empty
     */
    public ShardedMysql(String serverUrl, String database, String user, String password, int connections,
            boolean fresh) throws SQLException {
        String base = serverUrl.endsWith("/") ? serverUrl : serverUrl + "/";
        try (Connection c = DriverManager.getConnection(base, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS `" + database + "`");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(base + database);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(connections);
        config.setMinimumIdle(connections);
        config.setPoolName("baseline-mysql");
        config.setConnectionTimeout(5_000);
        this.pool = new HikariDataSource(config);
        createSchema(fresh);
    }

    public static String table(long userId) {
        return String.format("coupon_record_%02d", Math.floorMod(userId, SHARDS));
    }

    private void createSchema(boolean fresh) throws SQLException {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            if (fresh) {
                s.execute("DROP TABLE IF EXISTS coupon_template");
            }
            s.execute("CREATE TABLE IF NOT EXISTS coupon_template (id BIGINT PRIMARY KEY, name VARCHAR(200) NOT NULL,"
                    + " type VARCHAR(16) NOT NULL, discount DECIMAL(12,2) NOT NULL, threshold DECIMAL(12,2) NULL,"
                    + " total_count BIGINT NOT NULL, per_user_limit INT NOT NULL, start_time DATETIME(3) NOT NULL,"
                    + " end_time DATETIME(3) NOT NULL, valid_days INT NULL, created_at DATETIME(3) NOT NULL)"
                    + " ENGINE=InnoDB");
            for (int shard = 0; shard < SHARDS; shard++) {
                String table = String.format("coupon_record_%02d", shard);
                if (fresh) {
                    s.execute("DROP TABLE IF EXISTS " + table);
                }
                s.execute("CREATE TABLE IF NOT EXISTS " + table + " (coupon_id VARCHAR(64) PRIMARY KEY,"
                        + " template_id BIGINT NOT NULL, user_id BIGINT NOT NULL, status VARCHAR(16) NOT NULL,"
                        + " acquire_time DATETIME(3) NOT NULL, expire_time DATETIME(3) NOT NULL,"
                        + " order_id VARCHAR(64) NULL, lock_time DATETIME(3) NULL, use_time DATETIME(3) NULL,"
                        + " KEY idx_user (user_id, status), KEY idx_template (template_id), KEY idx_order (order_id))"
                        + " ENGINE=InnoDB");
            }
        }
    }

    /** Inserts the template; false if one with that id exists. */
    public boolean insertTemplate(BaselineTemplate t, Instant now) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT IGNORE INTO coupon_template (id, name, type, discount, threshold, total_count, per_user_limit,"
                        + " start_time, end_time, valid_days, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, t.id());
            ps.setString(2, t.name());
            ps.setString(3, t.type());
            ps.setBigDecimal(4, t.discount());
            ps.setBigDecimal(5, t.threshold());
            ps.setLong(6, t.totalCount());
            ps.setInt(7, t.perUserLimit());
            ps.setTimestamp(8, Timestamp.from(t.startTime()));
            ps.setTimestamp(9, Timestamp.from(t.endTime()));
            if (t.validDays() == null) {
                ps.setNull(10, java.sql.Types.INTEGER);
            } else {
                ps.setInt(10, t.validDays());
            }
            ps.setTimestamp(11, Timestamp.from(now));
            return ps.executeUpdate() == 1;
        }
    }

    public Optional<BaselineTemplate> template(long id) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT name, type, discount, threshold, total_count, per_user_limit, start_time, end_time, valid_days"
                        + " FROM coupon_template WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                int validDays = rs.getInt(9);
                Integer days = rs.wasNull() ? null : validDays;
                return Optional.of(new BaselineTemplate(id, rs.getString(1), rs.getString(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), rs.getLong(5), rs.getInt(6), rs.getTimestamp(7).toInstant(),
                        rs.getTimestamp(8).toInstant(), days));
            }
        }
    }

    @Override
    public void insert(CouponRecord r) throws SQLException {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table(r.userId())
                    + " (coupon_id, template_id, user_id, status, acquire_time, expire_time)"
                    + " VALUES (?,?,?,'UNUSED',?,?)")) {
                ps.setString(1, r.couponId());
                ps.setLong(2, r.templateId());
                ps.setLong(3, r.userId());
                ps.setTimestamp(4, Timestamp.from(r.acquiredAt()));
                ps.setTimestamp(5, Timestamp.from(r.expiresAt()));
                ps.executeUpdate();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Rows of the template over all 16 shards: the units really granted. */
    public long granted(long templateId) throws SQLException {
        long total = 0;
        try (Connection c = pool.getConnection()) {
            for (int shard = 0; shard < SHARDS; shard++) {
                try (PreparedStatement ps = c.prepareStatement(String.format(
                        "SELECT COUNT(*) FROM coupon_record_%02d WHERE template_id = ?", shard))) {
                    ps.setLong(1, templateId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total += rs.getLong(1);
                    }
                }
            }
        }
        return total;
    }

    /** The user's coupons from the user's shard, newest first. */
    public List<Row> wallet(long userId) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT coupon_id, template_id, user_id, status, acquire_time, expire_time, order_id, use_time FROM "
                        + table(userId) + " WHERE user_id = ? ORDER BY acquire_time DESC")) {
            ps.setLong(1, userId);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        }
    }

    public Optional<Row> coupon(long userId, String couponId) throws SQLException {
        return one(userId, "coupon_id", couponId);
    }

    public Optional<Row> order(long userId, String orderId) throws SQLException {
        return one(userId, "order_id", orderId);
    }

    private Optional<Row> one(long userId, String column, String value) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT coupon_id, template_id, user_id, status, acquire_time, expire_time, order_id, use_time FROM "
                        + table(userId) + " WHERE user_id = ? AND " + column + " = ?")) {
            ps.setLong(1, userId);
            ps.setString(2, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** The article's optimistic lock: UNUSED to LOCKED only if nobody changed it meanwhile. */
    public boolean lock(long userId, String couponId, String orderId, Instant at) throws SQLException {
        return update("UPDATE " + table(userId) + " SET status = 'LOCKED', order_id = ?, lock_time = ?"
                + " WHERE user_id = ? AND coupon_id = ? AND status = 'UNUSED'", orderId, at, userId, couponId);
    }

    /** LOCKED by this order to USED. */
    public boolean use(long userId, String orderId, Instant at) throws SQLException {
        return update("UPDATE " + table(userId) + " SET status = 'USED', use_time = ?"
                + " WHERE user_id = ? AND order_id = ? AND status = 'LOCKED'", null, at, userId, orderId);
    }

    private boolean update(String sql, String orderId, Instant at, long userId, String key) throws SQLException {
        try (Connection c = pool.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            if (orderId != null) {
                ps.setString(i++, orderId);
            }
            ps.setTimestamp(i++, Timestamp.from(at));
            ps.setLong(i++, userId);
            ps.setString(i, key);
            return ps.executeUpdate() == 1;
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        Timestamp used = rs.getTimestamp(8);
        return new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getString(7),
                used == null ? null : used.toInstant());
    }

    public boolean ping() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}

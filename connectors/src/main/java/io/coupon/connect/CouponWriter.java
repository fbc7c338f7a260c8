package io.coupon.connect;

import io.coupon.connect.CouponBatch.CouponRow;
import io.coupon.connect.CouponBatch.TemplateRow;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coupon.contract.JsonSerdes;
import io.coupon.domain.Template;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Writes a {@link CouponBatch}: per shard one multi-row {@code INSERT … ON DUPLICATE KEY UPDATE} (in chunks of
 * {@value #MAX_ROWS_PER_STATEMENT} rows), and one for the templates.
 *
 * <p>The coupon upsert never regresses a row: every column takes the incoming value only when the incoming version
 * is greater than the stored one, and {@code version} itself is assigned last, because MySQL evaluates the
 * assignments left to right (MariaDB's SIMULTANEOUS_ASSIGNMENT mode would see the old version everywhere, which is
 * as good). Replaying a row therefore changes nothing. {@code acquire_time} keeps the earliest value ever written
 * (see {@link CouponBatch}).
 *
 * <p>A statement the database refuses for its data (SQLSTATE class 22 or 23) is retried row by row, and the rows
 * still refused come back as {@link Failure}s for the dead-letter queue. Any other {@link SQLException} (MySQL
 * away, a lock timeout, a missing table) propagates: the caller retries the whole batch later.
 */
final class CouponWriter {

    static final int MAX_ROWS_PER_STATEMENT = 500;

    /** Records that cannot land, and why. */
    record Failure(List<SinkRecord> records, String reason, Throwable cause) {
    }

    private static final List<String> COUPON_COLUMNS = List.of("coupon_id", "user_id", "template_id", "status",
            "acquire_time", "use_time", "order_id", "expires_at", "locked_until", "version", "updated_at", "variant");
    private static final List<String> GUARDED_COLUMNS = List.of("user_id", "template_id", "status", "use_time",
            "order_id", "expires_at", "locked_until", "updated_at");
    private static final List<String> TEMPLATE_COLUMNS = List.of("id", "name", "type", "discount", "threshold",
            "max_discount", "total_count", "per_user_limit", "start_time", "end_time", "valid_days", "status",
            "metadata", "scope", "stacking", "stack_group", "audience", "variants", "updated_at");
    private static final ObjectMapper JSON = JsonSerdes.mapper();

    private final ShardPools pools;

    CouponWriter(ShardPools pools) {
        this.pools = pools;
    }

    /** Writes every row it can; returns the rows the database refused for their data. */
    List<Failure> write(CouponBatch batch) throws SQLException {
        List<Failure> failures = new ArrayList<>();
        for (Map.Entry<Integer, List<CouponRow>> shard : batch.couponsByShard().entrySet()) {
            String table = ShardRouter.table(shard.getKey());
            write(pools.forShard(shard.getKey()), shard.getValue(), (c, rows) -> upsertCoupons(c, table, rows),
                    CouponRow::sources, failures);
        }
        if (!batch.templates().isEmpty()) {
            write(pools.forTemplates(), batch.templates(), CouponWriter::upsertTemplates, TemplateRow::sources,
                    failures);
        }
        return failures;
    }

    /** The coupon upsert for {@code rows} rows, as sent to the database. */
    static String couponUpsertSql(String table, int rows) {
        String guarded = GUARDED_COLUMNS.stream()
                .map(c -> c + " = IF(VALUES(version) > version, VALUES(" + c + "), " + c + ")")
                .collect(Collectors.joining(", "));
        return insert(table, COUPON_COLUMNS, rows)
                + " ON DUPLICATE KEY UPDATE acquire_time = LEAST(acquire_time, VALUES(acquire_time)),"
                + " variant = COALESCE(variant, VALUES(variant)), " + guarded
                + ", version = IF(VALUES(version) > version, VALUES(version), version)";
    }

    /** The template upsert: the latest definition wins; updated_at moves only when the definition changed. */
    static String templateUpsertSql(int rows) {
        List<String> defined = TEMPLATE_COLUMNS.subList(1, TEMPLATE_COLUMNS.size() - 1);
        String unchanged = defined.stream().map(c -> c + " <=> VALUES(" + c + ")").collect(Collectors.joining(" AND "));
        String assign = defined.stream().map(c -> c + " = VALUES(" + c + ")").collect(Collectors.joining(", "));
        return insert(CouponSchema.TEMPLATE_TABLE, TEMPLATE_COLUMNS, rows)
                + " ON DUPLICATE KEY UPDATE updated_at = IF(" + unchanged + ", updated_at, VALUES(updated_at)), "
                + assign;
    }

    private interface Upsert<T> {
        void run(Connection c, List<T> rows) throws SQLException;
    }

    private static <T> void write(DataSource pool, List<T> rows, Upsert<T> upsert,
                                  Function<T, List<SinkRecord>> sources, List<Failure> failures) throws SQLException {
        try (Connection c = pool.getConnection()) {
            for (int from = 0; from < rows.size(); from += MAX_ROWS_PER_STATEMENT) {
                List<T> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS_PER_STATEMENT));
                try {
                    upsert.run(c, chunk);
                } catch (SQLException e) {
                    if (!refusedData(e)) {
                        throw e;
                    }
                    for (T row : chunk) {
                        try {
                            upsert.run(c, List.of(row));
                        } catch (SQLException one) {
                            if (!refusedData(one)) {
                                throw one;
                            }
                            failures.add(new Failure(sources.apply(row), "MySQL refused the row: " + one.getMessage(),
                                    one));
                        }
                    }
                }
            }
        }
    }

    /** SQLSTATE 22 (data exception) and 23 (constraint violation): the row is wrong, not the database. */
    static boolean refusedData(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private static void upsertCoupons(Connection c, String table, List<CouponRow> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(couponUpsertSql(table, rows.size()))) {
            int i = 0;
            for (CouponRow r : rows) {
                ps.setString(++i, r.couponId());
                ps.setLong(++i, r.userId());
                ps.setLong(++i, r.templateId());
                ps.setString(++i, r.status().name());
                setTime(ps, ++i, r.acquireTime());
                setTime(ps, ++i, r.useTime());
                ps.setString(++i, r.orderId());
                setTime(ps, ++i, r.expiresAt());
                setTime(ps, ++i, r.lockedUntil());
                ps.setLong(++i, r.version());
                setTime(ps, ++i, r.updatedAt());
                ps.setString(++i, r.variant());
            }
            ps.executeUpdate();
        }
    }

    private static void upsertTemplates(Connection c, List<TemplateRow> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(templateUpsertSql(rows.size()))) {
            int i = 0;
            for (TemplateRow row : rows) {
                Template t = row.template();
                ps.setLong(++i, t.id());
                ps.setString(++i, t.name());
                ps.setString(++i, t.type().name());
                ps.setBigDecimal(++i, t.discount());
                ps.setBigDecimal(++i, t.threshold());
                ps.setBigDecimal(++i, t.maxDiscount());
                ps.setLong(++i, t.totalCount());
                ps.setInt(++i, t.perUserLimit());
                setTime(ps, ++i, t.startTime());
                setTime(ps, ++i, t.endTime());
                if (t.validDays() == null) {
                    ps.setNull(++i, Types.INTEGER);
                } else {
                    ps.setInt(++i, t.validDays());
                }
                ps.setString(++i, t.campaignStatusOrDefault().name());
                ps.setString(++i, json(t.metadata()));
                ps.setString(++i, json(t.scope()));
                ps.setString(++i, t.stackingOrDefault().name());
                ps.setString(++i, t.stackGroup());
                ps.setString(++i, json(t.audience()));
                ps.setString(++i, json(t.variants()));
                setTime(ps, ++i, row.updatedAt());
            }
            ps.executeUpdate();
        }
    }

    /** A value as JSON text for a TEXT column; null stays NULL. */
    private static String json(Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot write " + value.getClass().getSimpleName() + " as JSON", "22000", e);
        }
    }

    private static String insert(String table, List<String> columns, int rows) {
        String one = "(" + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES "
                + String.join(", ", Collections.nCopies(rows, one));
    }

    /** DATETIME(3) in UTC. */
    private static void setTime(PreparedStatement ps, int index, Instant at) throws SQLException {
        if (at == null) {
            ps.setNull(index, Types.TIMESTAMP);
        } else {
            ps.setObject(index, LocalDateTime.ofInstant(at.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC));
        }
    }
}

package io.coupon.connect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.List;
import java.util.Properties;

/**
 * The MySQL schema, as idempotent DDL: running it again changes nothing.
 *
 * <p>{@code coupon_template} holds the latest definition of every template (on the server of shard 0).
 * {@code coupon_00} … {@code coupon_15} follow the article's {@code coupon_record}, one table per
 * {@link ShardRouter shard}, extended with what the pipeline knows: the coupon id as issued (the key), its expiry,
 * the lock deadline and the version that orders a coupon's changes. All {@code DATETIME(3)} columns hold UTC.
 *
 * <p>Indexes: {@value #WALLET_INDEX} {@code (user_id, status, expires_at, template_id, coupon_id)} covers the
 * wallet query "a user's coupons in a status, soonest to expire first" without touching the rows;
 * {@value #TEMPLATE_INDEX} {@code (template_id)} serves the per-template counts of reconciliation.
 */
public final class CouponSchema {

    public static final String TEMPLATE_TABLE = "coupon_template";
    public static final String WALLET_INDEX = "idx_user_status";
    public static final String TEMPLATE_INDEX = "idx_template";
    /** The columns of {@link #WALLET_INDEX}, in index order. */
    public static final List<String> WALLET_INDEX_COLUMNS =
            List.of("user_id", "status", "expires_at", "template_id", "coupon_id");

    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private CouponSchema() {
    }

    public static String templateTableDdl() {
        return "CREATE TABLE IF NOT EXISTS " + TEMPLATE_TABLE + " ("
                + "id BIGINT NOT NULL PRIMARY KEY,"
                + " name VARCHAR(255) NOT NULL,"
                + " type VARCHAR(16) NOT NULL,"
                + " discount DECIMAL(12,2) NOT NULL,"
                + " threshold DECIMAL(14,2) NULL,"
                + " max_discount DECIMAL(14,2) NULL,"
                + " total_count BIGINT NOT NULL,"
                + " per_user_limit INT NOT NULL,"
                + " start_time DATETIME(3) NOT NULL,"
                + " end_time DATETIME(3) NOT NULL,"
                + " valid_days INT NULL,"
                + " updated_at DATETIME(3) NOT NULL,"
                + String.join(",", ADDED_COLUMNS)
                + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    }

    /**
     * The campaign-operations columns: the operator's status (ACTIVE, PAUSED, ENDED), the metadata and the scope
     * as JSON text, and the stacking. Added to a table created before them by {@link #templateColumnUpgrades}.
     */
    private static final List<String> CAMPAIGN_COLUMNS = List.of(
            " status VARCHAR(16) NOT NULL DEFAULT 'ACTIVE'",
            " metadata TEXT NULL",
            " scope TEXT NULL",
            " stacking VARCHAR(16) NOT NULL DEFAULT 'EXCLUSIVE'",
            " stack_group VARCHAR(64) NULL");

    /**
     * The precision-marketing columns: the template's audience rule and its experiment's variants, as JSON text
     * in the contract's spelling (null: everyone may claim; no experiment). Added in place like the campaign ones.
     */
    private static final List<String> MARKETING_COLUMNS = List.of(
            " audience TEXT NULL",
            " variants TEXT NULL");

    /** Every column added after the first template table, in the order a fresh table has them. */
    private static final List<String> ADDED_COLUMNS = java.util.stream.Stream
            .concat(CAMPAIGN_COLUMNS.stream(), MARKETING_COLUMNS.stream()).toList();

    /**
     * Adds the campaign and marketing columns a template table created before them lacks: one look at information_schema (as
     * for {@code variant}: MySQL, unlike MariaDB, has no {@code ADD COLUMN IF NOT EXISTS}), then one ALTER per
     * missing column; a table that has them all is left alone.
     */
    static void templateColumnUpgrades(Connection c) throws SQLException {
        java.util.Set<String> present = new java.util.HashSet<>();
        try (Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT column_name FROM information_schema.columns"
                     + " WHERE table_schema = DATABASE() AND table_name = '" + TEMPLATE_TABLE + "'")) {
            while (rs.next()) {
                present.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        try (Statement s = c.createStatement()) {
            for (String column : ADDED_COLUMNS) {
                if (!present.contains(column.trim().split(" ")[0])) {
                    s.execute("ALTER TABLE " + TEMPLATE_TABLE + " ADD COLUMN" + column);
                }
            }
        }
    }

    public static String shardTableDdl(int shard) {
        return "CREATE TABLE IF NOT EXISTS " + ShardRouter.table(shard) + " ("
                + "coupon_id VARCHAR(64) NOT NULL PRIMARY KEY,"
                + " user_id BIGINT NOT NULL,"
                + " template_id BIGINT NOT NULL,"
                + " status VARCHAR(16) NOT NULL,"
                + " acquire_time DATETIME(3) NOT NULL,"
                + " use_time DATETIME(3) NULL,"
                + " order_id VARCHAR(64) NULL,"
                + " expires_at DATETIME(3) NOT NULL,"
                + " locked_until DATETIME(3) NULL,"
                + " version BIGINT NOT NULL,"
                + " updated_at DATETIME(3) NOT NULL,"
                + " variant VARCHAR(64) NULL,"
                + " KEY " + WALLET_INDEX + " (" + String.join(", ", WALLET_INDEX_COLUMNS) + "),"
                + " KEY " + TEMPLATE_INDEX + " (template_id)"
                + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    }

    /**
     * Shard tables created before experiments existed lack {@code variant}: add it to those, once. One look at
     * information_schema for all of them (rather than {@code ADD COLUMN IF NOT EXISTS}, which MySQL, unlike
     * MariaDB, lacks); a fresh schema already has the column and needs no ALTER.
     */
    private static void addVariantColumn(Connection c, Collection<Integer> shards) throws SQLException {
        java.util.Set<String> withVariant = new java.util.HashSet<>();
        try (Statement q = c.createStatement(); java.sql.ResultSet rs = q.executeQuery(
                "SELECT table_name FROM information_schema.columns"
                        + " WHERE table_schema = DATABASE() AND column_name = 'variant'")) {
            while (rs.next()) {
                withVariant.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        try (Statement s = c.createStatement()) {
            for (int shard : shards) {
                String table = ShardRouter.table(shard);
                if (!withVariant.contains(table)) {
                    s.execute("ALTER TABLE " + table + " ADD COLUMN variant VARCHAR(64) NULL");
                }
            }
        }
    }

    /** {@code CREATE DATABASE IF NOT EXISTS database}, connected to {@code serverUrl} (a URL naming no database). */
    public static void createDatabase(String serverUrl, String database, String user, String password)
            throws SQLException {
        try (Connection c = connect(serverUrl, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + quoted(database) + " CHARACTER SET utf8mb4");
        }
    }

    /** Creates the database that {@code jdbcUrl} names, on the server it names. */
    public static void createDatabase(String jdbcUrl, String user, String password) throws SQLException {
        JdbcUrl url = JdbcUrl.parse(jdbcUrl);
        createDatabase(url.serverUrl(), url.database(), user, password);
    }

    /** Creates the template table when {@code withTemplates}, and the tables of {@code shards}, on {@code c}. */
    public static void createTables(Connection c, boolean withTemplates, Collection<Integer> shards)
            throws SQLException {
        try (Statement s = c.createStatement()) {
            if (withTemplates) {
                s.execute(templateTableDdl());
                templateColumnUpgrades(c);
            }
            for (int shard : shards) {
                s.execute(shardTableDdl(shard));
            }
            addVariantColumn(c, shards);
        }
    }

    /**
     * The whole schema where {@code shards} puts it: on every server its database, the shard tables it holds, and
     * on the server of shard 0 the template table.
     */
    public static void apply(ShardMap shards, String user, String password) throws SQLException {
        for (String url : shards.urls()) {
            createDatabase(url, user, password);
            try (Connection c = connect(url, user, password)) {
                createTables(c, url.equals(shards.templateUrl()), shards.shardsOn(url));
            }
        }
    }

    /** A plain connection (no pool) for one-off DDL, failing within a few seconds when the server is away. */
    static Connection connect(String url, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password == null ? "" : password);
        props.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_MS));
        return DriverManager.getConnection(url, props);
    }

    private static String quoted(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}

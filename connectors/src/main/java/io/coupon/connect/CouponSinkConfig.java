package io.coupon.connect;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The settings of {@link CouponSinkConnector}, besides Connect's own ({@code topics}, {@code tasks.max},
 * {@code errors.*}): where MySQL is and how the shards are spread over servers.
 */
public final class CouponSinkConfig extends AbstractConfig {

    public static final String MYSQL_URL = "mysql.url";
    public static final String MYSQL_USER = "mysql.user";
    public static final String MYSQL_PASSWORD = "mysql.password";
    public static final String MYSQL_SHARD_MAP = "mysql.shard.map";

    public static final ConfigDef CONFIG_DEF = new ConfigDef()
            .define(MYSQL_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, CouponSinkConfig::checkUrl, Importance.HIGH,
                    "JDBC URL of the MySQL-compatible server, database included, e.g. "
                            + "jdbc:mariadb://127.0.0.1:3306/coupon. Holds every shard the shard map does not name, "
                            + "and the database is created when missing.")
            .define(MYSQL_USER, Type.STRING, "root", Importance.HIGH, "MySQL user.")
            .define(MYSQL_PASSWORD, Type.PASSWORD, "", Importance.HIGH, "MySQL password (empty by default).")
            .define(MYSQL_SHARD_MAP, Type.STRING, "", CouponSinkConfig::checkShardMap, Importance.MEDIUM,
                    "Where the 16 shard tables coupon_00..coupon_15 live, e.g. "
                            + "0-7=jdbc:mariadb://h1:3306/coupon;8-15=jdbc:mariadb://h2:3306/coupon. Shards it does "
                            + "not name stay on " + MYSQL_URL + "; coupon_template lives with shard 0. Empty: all "
                            + "on " + MYSQL_URL + ".");

    public CouponSinkConfig(Map<String, String> props) {
        super(CONFIG_DEF, props);
    }

    public String user() {
        return getString(MYSQL_USER);
    }

    public String password() {
        return getPassword(MYSQL_PASSWORD).value();
    }

    public ShardMap shardMap() {
        return ShardMap.parse(getString(MYSQL_SHARD_MAP), getString(MYSQL_URL));
    }

    private static void checkUrl(String name, Object value) {
        try {
            JdbcUrl.parse((String) value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }

    private static void checkShardMap(String name, Object value) {
        String spec = (String) value;
        if (spec == null || spec.isBlank()) {
            return;
        }
        try {
            // the default URL only matters for the shards the map leaves out; any valid URL checks the syntax
            ShardMap map = ShardMap.parse(spec, "jdbc:check://placeholder/db");
            map.urls().forEach(JdbcUrl::parse);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    }
}

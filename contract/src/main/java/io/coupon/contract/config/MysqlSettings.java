package io.coupon.contract.config;

/**
 * Where coupons leave for MySQL, and whether this process runs the sink itself.
 *
 * @param url         JDBC URL of the database holding the shards (and the templates)
 * @param shardMap    null: all 16 shards on {@code url}; else {@code 0-7=jdbc:…;8-15=jdbc:…}
 * @param sinkEnabled run the MySQL sink in an embedded Kafka Connect worker (role {@code all} only)
 * @param connectPort the embedded worker's REST port (status, restarts)
 */
public record MysqlSettings(String url, String user, String password, String shardMap, boolean sinkEnabled,
                            int connectPort) {
}

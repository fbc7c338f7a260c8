package io.coupon.connect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/**
 * One HikariCP pool per distinct server of a {@link ShardMap}. Pools are created without touching the server
 * ({@code initializationFailTimeout = -1}), so a MySQL that is down at start-up is an error of the first write,
 * which the sink turns into a retry, and not a failed start. A borrow waits at most {@value #BORROW_TIMEOUT_MS} ms.
 */
final class ShardPools implements AutoCloseable {

    static final long BORROW_TIMEOUT_MS = 5_000;

    private final ShardMap shards;
    private final Map<String, HikariDataSource> byUrl = new LinkedHashMap<>();

    ShardPools(ShardMap shards, String user, String password, String poolName) {
        this.shards = shards;
        int n = 0;
        for (String url : shards.urls()) {
            HikariConfig config = new HikariConfig();
            config.setPoolName(poolName + "-" + n++);
            config.setJdbcUrl(url);
            if (url.startsWith("jdbc:mariadb:")) {
                // explicit, so the driver is found from a Connect plugin's own class loader too
                config.setDriverClassName("org.mariadb.jdbc.Driver");
            }
            config.setUsername(user);
            config.setPassword(password == null ? "" : password);
            config.setMaximumPoolSize(2);
            config.setMinimumIdle(0);
            config.setConnectionTimeout(BORROW_TIMEOUT_MS);
            config.setInitializationFailTimeout(-1);
            config.addDataSourceProperty("connectTimeout", Long.toString(BORROW_TIMEOUT_MS));
            byUrl.put(url, new HikariDataSource(config));
        }
    }

    ShardMap shards() {
        return shards;
    }

    DataSource forUrl(String url) {
        DataSource pool = byUrl.get(url);
        if (pool == null) {
            throw new IllegalArgumentException("no pool for " + JdbcUrl.redacted(url));
        }
        return pool;
    }

    DataSource forShard(int shard) {
        return forUrl(shards.urlOf(shard));
    }

    DataSource forTemplates() {
        return forUrl(shards.templateUrl());
    }

    @Override
    public void close() {
        byUrl.values().forEach(HikariDataSource::close);
    }
}

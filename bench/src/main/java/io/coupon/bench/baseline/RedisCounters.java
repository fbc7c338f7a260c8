package io.coupon.bench.baseline;

import java.time.Duration;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * {@link Counters} over a Jedis pool. The pool holds as many connections as the HTTP server has worker threads,
 * so a claim never waits for a connection, only for Redis.
 */
public final class RedisCounters implements Counters, AutoCloseable {

    private final JedisPool pool;

    public RedisCounters(String host, int port, int connections) {
        JedisPoolConfig config = new JedisPoolConfig();
        config.setMaxTotal(connections);
        config.setMaxIdle(connections);
        config.setMinIdle(Math.min(connections, 8));
        config.setMaxWait(Duration.ofSeconds(2));
        // A pooled connection is not pinged on every borrow: that would double the round trips of a claim.
        config.setTestOnBorrow(false);
        config.setTestWhileIdle(true);
        this.pool = new JedisPool(config, host, port, 2_000);
    }

    @Override
    public long decrement(String key) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.decr(key);
        }
    }

    @Override
    public long increment(String key) {
        try (Jedis jedis = pool.getResource()) {
            return jedis.incr(key);
        }
    }

    @Override
    public void set(String key, long value) {
        try (Jedis jedis = pool.getResource()) {
            jedis.set(key, Long.toString(value));
        }
    }

    @Override
    public Long get(String key) {
        try (Jedis jedis = pool.getResource()) {
            String value = jedis.get(key);
            return value == null ? null : Long.parseLong(value);
        }
    }

    public boolean ping() {
        try (Jedis jedis = pool.getResource()) {
            return "PONG".equals(jedis.ping());
        }
    }

    /** Deletes every key starting with {@code prefix} (SCAN, never KEYS, never FLUSHDB: Redis may be shared). */
    public long deleteAll(String prefix) {
        long deleted = 0;
        try (Jedis jedis = pool.getResource()) {
            ScanParams match = new ScanParams().match(prefix + "*").count(1_000);
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, match);
                List<String> keys = page.getResult();
                if (!keys.isEmpty()) {
                    deleted += jedis.del(keys.toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        }
        return deleted;
    }

    @Override
    public void close() {
        pool.close();
    }
}

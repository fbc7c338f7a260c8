package io.coupon.bench.baseline;

/**
 * How the baseline runs: {@code coupon-bench.jar baseline [--port 7071] [--redis 127.0.0.1:6379]
 * [--mysql jdbc:mariadb://127.0.0.1:3306/] [--database coupon_baseline] [--http-threads 64] [--db-pool 16]
 * [--fresh]}.
 *
 * <p>Sizing, to make the design as fast as it honestly can be on a small machine (the comparison wants to beat
 * its strongest version):
 * <ul>
 *   <li>{@code --http-threads} Jetty workers (plus the few Jetty keeps for accepting and selecting), all started
 *       at once: every worker blocks on Redis and MariaDB for most of a claim, so there are many more of them
 *       than cores, enough to keep both stores busy, not so many that 2 cores spend their time switching;</li>
 *   <li>a Redis pool of one connection per worker: a claim never waits for a connection, only for Redis, which
 *       answers a {@code DECR} in microseconds;</li>
 *   <li>a MariaDB pool ({@code --db-pool}) smaller than the workers, all opened at start-up: MariaDB runs a
 *       thread per connection on the same 2 cores, and each commit waits for the redo log flush, which it shares
 *       with the commits that arrive together (group commit); 16 lets that many share one flush, while more only
 *       queue inside MariaDB instead of in the pool. HikariCP's rule of thumb (cores x 2 + disks, 5 here) is for
 *       CPU-bound queries, not for commits waiting on a flush.</li>
 * </ul>
 * {@code bench/run-comparison.sh} passes {@code BASELINE_HTTP_THREADS} and {@code BASELINE_DB_POOL} through, so
 * other sizes can be tried without a rebuild.
 *
 * @param fresh drop the baseline's tables and Redis keys at start-up
 */
public record BaselineSettings(String host, int port, String redisHost, int redisPort, String mysqlUrl,
        String database, String mysqlUser, String mysqlPassword, int httpThreads, int dbPool, String keyPrefix,
        boolean fresh) {

    public static final String USAGE = "usage: java -jar coupon-bench.jar baseline [--port 7071] [--host 127.0.0.1]"
            + " [--redis 127.0.0.1:6379] [--mysql jdbc:mariadb://127.0.0.1:3306/] [--database coupon_baseline]"
            + " [--mysql-user root] [--mysql-password ''] [--http-threads 64] [--db-pool 16]"
            + " [--key-prefix baseline:] [--fresh]";

    public static BaselineSettings parse(String... args) {
        String host = "127.0.0.1";
        int port = 7071;
        String redis = "127.0.0.1:6379";
        String mysql = "jdbc:mariadb://127.0.0.1:3306/";
        String database = "coupon_baseline";
        String user = "root";
        String password = "";
        int threads = 64;
        int dbPool = 16;
        String prefix = "baseline:";
        boolean fresh = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--fresh")) {
                fresh = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--host" -> host = value;
                case "--port" -> port = number(name, value);
                case "--redis" -> redis = value;
                case "--mysql" -> mysql = value;
                case "--database" -> database = value;
                case "--mysql-user" -> user = value;
                case "--mysql-password" -> password = value;
                case "--http-threads" -> threads = number(name, value);
                case "--db-pool" -> dbPool = number(name, value);
                case "--key-prefix" -> prefix = value;
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (!database.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("--database must be letters, digits and _, was " + database);
        }
        int colon = redis.lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("--redis must be host:port, was " + redis);
        }
        return new BaselineSettings(host, port, redis.substring(0, colon),
                number("--redis", redis.substring(colon + 1)), mysql, database, user, password, threads, dbPool,
                prefix, fresh);
    }

    private static int number(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message below
        }
        throw new IllegalArgumentException(name + " must be a whole number, was " + value);
    }
}

package io.coupon.bench.baseline;

/**
 * How the baseline runs: {@code coupon-bench.jar baseline [--port 7071] [--redis 127.0.0.1:6379]
 * [--mysql jdbc:mariadb://127.0.0.1:3306/] [--database coupon_baseline] [--http-threads 64] [--db-pool 16]
 * [--fresh]}.
 *
 * <p>Sizing, for a fair fight on a small machine: every HTTP worker blocks on Redis and MariaDB, so there are
 * many more workers than cores; the Redis pool has one connection per worker (a claim never waits for one); the
 * MariaDB pool is smaller, as its commits queue on the redo log anyway and MariaDB group-commits the ones that
 * arrive together.
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

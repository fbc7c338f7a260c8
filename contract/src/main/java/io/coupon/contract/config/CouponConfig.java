package io.coupon.contract.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The whole configuration, built once from environment variables and defaults. A bad value fails start-up
 * with a message naming the variable. Each component is handed only its own part.
 *
 * @param warmUpClaims how many throwaway claims a serving process decides on a private copy of itself before it
 *                     says it is serving (0: none)
 */
public record CouponConfig(Role role, HttpSettings http, KafkaSettings kafka, StreamsSettings streams,
                           MysqlSettings mysql, int warmUpClaims) {

    /** Every variable read here; the README documents each (a test holds it to that). */
    public static final List<String> VARIABLES = List.of(
            "COUPON_ROLE", "COUPON_HTTP_HOST", "COUPON_HTTP_PORT", "COUPON_ADVERTISED_HOST", "COUPON_CLAIM_WAIT",
            "COUPON_MAX_IN_FLIGHT", "COUPON_QUERY_URL", "KAFKA_BOOTSTRAP_SERVERS", "COUPON_DATA_DIR",
            "COUPON_PARTITIONS", "COUPON_REPLICATION_FACTOR", "COUPON_EMBEDDED_KAFKA_PORT",
            "COUPON_EMBEDDED_CONTROLLER_PORT", "COUPON_BROKER_NODE_ID", "COUPON_BROKER_QUORUM", "COUPON_INSTANCE_ID", "COUPON_APPLICATION_ID",
            "COUPON_STREAM_THREADS", "COUPON_COMMIT_INTERVAL", "COUPON_STANDBY_REPLICAS",
            "COUPON_IDEMPOTENCY_RETENTION", "COUPON_LOCK_TIMEOUT", "COUPON_MYSQL_URL", "COUPON_MYSQL_USER",
            "COUPON_MYSQL_PASSWORD", "COUPON_MYSQL_SHARD_MAP", "COUPON_SINK_ENABLED", "COUPON_CONNECT_PORT",
            "COUPON_RATE_LIMIT_GLOBAL", "COUPON_RATE_LIMIT_PER_USER", "COUPON_HTTP_IDLE_TIMEOUT",
            "COUPON_ROCKSDB_MEMORY_MB", "COUPON_SESSION_TIMEOUT", "COUPON_ISSUANCE_RATE",
            "COUPON_WARM_UP_CLAIMS", "COUPON_API_KEYS", "COUPON_INTERNAL_SECRET", "COUPON_TEMPLATE_WAIT",
            "COUPON_WALLET_CATCH_UP", "COUPON_FORWARD_TIMEOUT", "COUPON_HTTP_THREADS", "COUPON_MAX_CONNECTIONS",
            "COUPON_UNDECIDED_CLAIMS", "COUPON_STREAM_START_WAIT");

    public static final int MAX_BODY_BYTES = 64 * 1024;

    public static CouponConfig fromEnv(Map<String, String> env) {
        Env e = new Env(env);
        Role role = e.get("COUPON_ROLE", "all", Role::parse);
        int port = e.get("COUPON_HTTP_PORT", "7070", v -> intIn(v, 1, 65535));
        ApiKeys apiKeys = e.get("COUPON_API_KEYS", "", ApiKeys::parse);
        HttpSettings http = new HttpSettings(
                // Without keys anyone who reaches the port may do anything, so by default only this machine can.
                e.get("COUPON_HTTP_HOST", apiKeys.required() ? "0.0.0.0" : "127.0.0.1", Function.identity()),
                port,
                e.get("COUPON_ADVERTISED_HOST", "127.0.0.1", Function.identity()),
                e.get("COUPON_CLAIM_WAIT", "2s", v -> durationIn(v, Duration.ofMillis(1), Duration.ofSeconds(30))),
                e.get("COUPON_MAX_IN_FLIGHT", "20000", v -> intIn(v, 1, 1_000_000)),
                MAX_BODY_BYTES,
                e.get("COUPON_QUERY_URL", "", CouponConfig::urls),
                e.get("COUPON_RATE_LIMIT_GLOBAL", "20000", v -> intIn(v, 0, 10_000_000)),
                e.get("COUPON_RATE_LIMIT_PER_USER", "10", v -> intIn(v, 0, 1_000_000)),
                e.get("COUPON_HTTP_IDLE_TIMEOUT", "30s",
                        v -> durationIn(v, Duration.ofMillis(100), Duration.ofMinutes(10))),
                apiKeys,
                e.get("COUPON_INTERNAL_SECRET", "", CouponConfig::secret),
                e.get("COUPON_TEMPLATE_WAIT", "10s", v -> durationIn(v, Duration.ofMillis(1), Duration.ofMinutes(1))),
                e.get("COUPON_WALLET_CATCH_UP", "2s", v -> durationIn(v, Duration.ofMillis(1), Duration.ofSeconds(30))),
                e.get("COUPON_FORWARD_TIMEOUT", "2s",
                        v -> durationIn(v, Duration.ofMillis(100), Duration.ofSeconds(30))),
                e.get("COUPON_HTTP_THREADS", "32", v -> intIn(v, 8, 1_000)),
                e.get("COUPON_MAX_CONNECTIONS", "8192", v -> intIn(v, 16, 1_000_000)),
                e.get("COUPON_UNDECIDED_CLAIMS", "100000", v -> intIn(v, 1, 10_000_000)));
        if (apiKeys.required() && http.internalSecret() == null) {
            throw new IllegalArgumentException("COUPON_INTERNAL_SECRET is required once COUPON_API_KEYS is set: the "
                    + "instances' reads of each other carry it, and without it anyone could make them");
        }
        if (role == Role.API && http.queryUrls().isEmpty()) {
            throw new IllegalArgumentException("COUPON_QUERY_URL is required with role api: "
                    + "the URL of one or more stream-role instances (comma-separated), each of which forwards a read to the "
                    + "key's owner");
        }
        Path dataDir = e.get("COUPON_DATA_DIR", "./data", v -> Path.of(v).toAbsolutePath().normalize());
        String bootstrap = e.get("KAFKA_BOOTSTRAP_SERVERS", "", v -> v.isBlank() ? null : v.trim());
        int controllerPort = e.get("COUPON_EMBEDDED_CONTROLLER_PORT", "9093", v -> intIn(v, 1, 65535));
        int brokerNodeId = e.get("COUPON_BROKER_NODE_ID", "1", v -> intIn(v, 0, 1_000_000));
        KafkaSettings kafka = new KafkaSettings(
                bootstrap,
                dataDir,
                // One node gains nothing from more partitions and pays for each of them on every fetch and commit;
                // a cluster needs at least as many as it will ever run stream instances.
                e.get("COUPON_PARTITIONS", bootstrap == null ? "2" : "12", v -> intIn(v, 1, 10_000)),
                e.get("COUPON_REPLICATION_FACTOR", "", v -> v.isBlank() ? null : intIn(v, 1, 32)),
                e.get("COUPON_EMBEDDED_KAFKA_PORT", "9092", v -> intIn(v, 1, 65535)),
                controllerPort,
                e.get("COUPON_BROKER_QUORUM", "", v -> BrokerQuorum.parse(v, brokerNodeId, controllerPort)),
                e.get("COUPON_INSTANCE_ID", defaultInstanceId(port), CouponConfig::identifier),
                KafkaConnection.settingsFromEnvironment(env));
        StreamsSettings streams = new StreamsSettings(
                e.get("COUPON_APPLICATION_ID", "coupon-stream", CouponConfig::identifier),
                e.get("COUPON_STREAM_THREADS", "1", v -> intIn(v, 1, 64)),
                e.get("COUPON_COMMIT_INTERVAL", "50ms",
                        v -> durationIn(v, Duration.ofMillis(10), Duration.ofSeconds(60))),
                e.get("COUPON_STANDBY_REPLICAS", "0", v -> intIn(v, 0, 8)),
                e.get("COUPON_IDEMPOTENCY_RETENTION", "24h",
                        v -> durationIn(v, Duration.ofMinutes(1), Duration.ofDays(365))),
                e.get("COUPON_LOCK_TIMEOUT", "15m", v -> durationIn(v, Duration.ofSeconds(1), Duration.ofDays(7))),
                dataDir.resolve("streams"),
                e.get("COUPON_SESSION_TIMEOUT", "10s",
                        v -> durationIn(v, Duration.ofSeconds(6), Duration.ofMinutes(5))),
                e.get("COUPON_ROCKSDB_MEMORY_MB", "256", v -> intIn(v, 16, 1_048_576)),
                e.get("COUPON_ISSUANCE_RATE", String.valueOf(StreamsSettings.DEFAULT_ISSUANCE_RATE),
                        v -> intIn(v, 1, 1_000_000)),
                e.get("COUPON_STREAM_START_WAIT", "2m", v -> durationIn(v, Duration.ZERO, Duration.ofHours(1))));
        MysqlSettings mysql = new MysqlSettings(
                e.get("COUPON_MYSQL_URL", "jdbc:mariadb://127.0.0.1:3306/coupon", CouponConfig::jdbcUrl),
                e.get("COUPON_MYSQL_USER", "root", Function.identity()),
                e.get("COUPON_MYSQL_PASSWORD", "", Function.identity()),
                e.get("COUPON_MYSQL_SHARD_MAP", "", v -> v.isBlank() ? null : v.trim()),
                e.get("COUPON_SINK_ENABLED", "true", CouponConfig::bool),
                e.get("COUPON_CONNECT_PORT", "8083", v -> intIn(v, 1, 65535)));
        return new CouponConfig(role, http, kafka, streams, mysql,
                // The all-in-one warms up on a private copy with its own broker; a process of a cluster would start
                // a broker just for that, so there it is asked for, not assumed.
                e.get("COUPON_WARM_UP_CLAIMS", bootstrap == null ? "4000" : "0", v -> intIn(v, 0, 1_000_000)));
    }

    public CouponConfig withRole(Role newRole) {
        return new CouponConfig(newRole, http, kafka, streams, mysql, warmUpClaims);
    }

    private static String secret(String value) {
        String v = value.trim();
        if (v.isEmpty()) {
            return null;
        }
        if (!ApiKeys.strongEnough(v)) {
            throw new IllegalArgumentException("must be " + ApiKeys.STRENGTH);
        }
        return v;
    }

    private static String jdbcUrl(String value) {
        if (!value.startsWith("jdbc:mariadb://") && !value.startsWith("jdbc:mysql://")) {
            throw new IllegalArgumentException("must be a jdbc:mariadb:// or jdbc:mysql:// URL, got '" + value + "'");
        }
        return value;
    }

    private static boolean bool(String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true": case "yes": case "1": return true;
            case "false": case "no": case "0": return false;
            default: throw new IllegalArgumentException("must be true or false, got '" + value + "'");
        }
    }

    /** Accepts {@code 250ms}, {@code 2s}, {@code 15m}, {@code 24h}, {@code 7d}, or ISO-8601 ({@code PT2S}). */
    public static Duration parseDuration(String value) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) {
                return Duration.parse(v.toUpperCase(Locale.ROOT));
            }
            if (v.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            long n = Long.parseLong(v.substring(0, v.length() - 1));
            switch (v.charAt(v.length() - 1)) {
                case 's': return Duration.ofSeconds(n);
                case 'm': return Duration.ofMinutes(n);
                case 'h': return Duration.ofHours(n);
                case 'd': return Duration.ofDays(n);
                default: break;
            }
        } catch (RuntimeException ignored) {
            // falls through to the uniform message below
        }
        throw new IllegalArgumentException("not a duration (like 250ms, 2s, 15m, 24h): '" + value + "'");
    }

    private static Duration durationIn(String value, Duration min, Duration max) {
        Duration d = parseDuration(value);
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException("must be between " + min + " and " + max + ", got " + d);
        }
        return d;
    }

    private static int intIn(String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer: '" + value + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("must be between " + min + " and " + max + ", got " + n);
        }
        return n;
    }

    /** Comma-separated: an API-only process fails over to the next when one stream instance is down. */
    private static List<String> urls(String value) {
        List<String> urls = new ArrayList<>();
        for (String part : value.split(",")) {
            String url = url(part);
            if (url != null) {
                urls.add(url);
            }
        }
        return List.copyOf(urls);
    }

    private static String url(String value) {
        if (value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (!v.startsWith("http://") && !v.startsWith("https://")) {
            throw new IllegalArgumentException("must be an http(s) URL, got '" + value + "'");
        }
        return v.endsWith("/") ? v.substring(0, v.length() - 1) : v;
    }

    private static String identifier(String value) {
        if (!value.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new IllegalArgumentException("may hold only letters, digits, '.', '_' and '-': '" + value + "'");
        }
        return value;
    }

    private static String defaultInstanceId(int port) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return identifier((host + "-" + port).replaceAll("[^A-Za-z0-9._-]", "-"));
    }

    /** Reads one variable, applying its default and naming it in any error. */
    private record Env(Map<String, String> env) {
        <T> T get(String name, String defaultValue, Function<String, T> parse) {
            String raw = env.get(name);
            String value = raw == null ? defaultValue : raw;
            if (value == null) {
                return null;
            }
            try {
                return parse.apply(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
            }
        }
    }
}

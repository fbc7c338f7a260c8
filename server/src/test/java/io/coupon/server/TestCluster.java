package io.coupon.server;

import io.coupon.contract.config.CouponConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One real KRaft broker and one coupon server for the whole integration-test run: broker start-up is the
 * slow part, so it happens once. Tests isolate themselves by using fresh template and user ids.
 */
final class TestCluster {

    static final Duration LOCK_TIMEOUT = Duration.ofSeconds(6);

    private static EmbeddedKafkaBroker broker;
    private static CouponServer server;
    private static Api api;

    private TestCluster() {
    }

    /** The shared server's API, started on first use. */
    static synchronized Api api() {
        if (api == null) {
            try {
                broker = startBroker(Files.createTempDirectory("coupon-it-kafka"));
                Map<String, String> env = serverEnv(Files.createTempDirectory("coupon-it-data"), broker);
                int port = Integer.parseInt(env.get("COUPON_HTTP_PORT"));
                server = startServer(env);
                api = new Api("http://127.0.0.1:" + port);
                api.awaitHealthy();
                Runtime.getRuntime().addShutdownHook(new Thread(TestCluster::stop));
            } catch (Exception e) {
                stop();
                throw new IllegalStateException("could not start the shared test cluster", e);
            }
        }
        return api;
    }

    /** A broker of one's own, on free ports, for a test that needs what no other test touches. */
    static EmbeddedKafkaBroker startBroker(Path logDir) throws Exception {
        return new EmbeddedKafkaBroker(logDir, FreePorts.next(), FreePorts.next()).start();
    }

    /** A server with this environment, on millisecond ticks like the real one. */
    static CouponServer startServer(Map<String, String> env) throws Exception {
        return new CouponServer(CouponConfig.fromEnv(env), Clock.tick(Clock.systemUTC(), Duration.ofMillis(1)))
                .start();
    }

    /** Closes what a test started, in the order given (the server before its broker), skipping what never started. */
    static void closeAll(AutoCloseable... parts) {
        for (AutoCloseable part : parts) {
            if (part != null) {
                try {
                    part.close();
                } catch (Exception e) {
                    throw new IllegalStateException("could not close " + part, e);
                }
            }
        }
    }

    /** The shared server itself, started on first use. */
    static synchronized CouponServer server() {
        api();
        return server;
    }

    /** The shared broker, started with the shared server. */
    static synchronized String bootstrapServers() {
        api();
        return broker.bootstrapServers();
    }

    /** The environment of a test server that uses this broker, as a server of a cluster does. */
    static Map<String, String> serverEnv(Path dataDir, EmbeddedKafkaBroker broker) {
        Map<String, String> env = serverEnv(dataDir);
        env.put("KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers());
        return env;
    }

    /** The environment of a test server that runs its own embedded broker (the default run), on free ports. */
    static Map<String, String> ownBrokerEnv(Path dataDir) {
        Map<String, String> env = serverEnv(dataDir);
        env.put("COUPON_EMBEDDED_KAFKA_PORT", String.valueOf(FreePorts.next()));
        env.put("COUPON_EMBEDDED_CONTROLLER_PORT", String.valueOf(FreePorts.next()));
        return env;
    }

    /** The environment of a test server: small partition counts, its own data folder, free ports. */
    static Map<String, String> serverEnv(Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("COUPON_HTTP_HOST", "127.0.0.1");
        env.put("COUPON_HTTP_PORT", String.valueOf(FreePorts.next()));
        env.put("COUPON_DATA_DIR", dataDir.toString());
        env.put("COUPON_PARTITIONS", "3");
        env.put("COUPON_APPLICATION_ID", "coupon-it-" + UUID.randomUUID());
        env.put("COUPON_INSTANCE_ID", "it-" + UUID.randomUUID());
        // The sink has its own tests with their own databases; these servers never write to MySQL.
        env.put("COUPON_SINK_ENABLED", "false");
        // Short enough to watch a lock time out in a test, long enough for a Try and its Confirm on a slow CI.
        // Long enough that a burst of 2,000 claims in one JVM is mostly answered by its decision, not a 202.
        env.put("COUPON_CLAIM_WAIT", "5s");
        env.put("COUPON_LOCK_TIMEOUT", LOCK_TIMEOUT.toSeconds() + "s");
        // An issuance of 10,000 users in about ten seconds over 3 partitions, leaving room for live claims.
        env.put("COUPON_ISSUANCE_RATE", "400");
        return env;
    }

    private static synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}

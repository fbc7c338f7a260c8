package io.coupon.server;

import io.coupon.contract.config.CouponConfig;
import io.coupon.contract.config.Role;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code java -jar coupon-server.jar [--role all|api|stream]} runs the platform;
 * {@code java -jar coupon-server.jar reconcile} compares Kafka with MySQL. Everything else is configured by
 * environment variables (see the README).
 */
public final class Main {

    private static final String USAGE = "usage: java -jar coupon-server.jar [--role all|api|stream] | reconcile";

    private Main() {
    }

    public static void main(String[] args) {
        boolean reconcile = args.length > 0 && args[0].equals("reconcile");
        CouponConfig config;
        try {
            config = CouponConfig.fromEnv(System.getenv());
            for (int i = reconcile ? 1 : 0; i < args.length; i++) {
                if (args[i].equals("--role") && i + 1 < args.length) {
                    config = config.withRole(Role.parse(args[++i]));
                } else if (args[i].startsWith("--role=")) {
                    config = config.withRole(Role.parse(args[i].substring("--role=".length())));
                } else {
                    throw new IllegalArgumentException("unknown argument '" + args[i] + "'; " + USAGE);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (reconcile) {
            System.exit(reconcile(config));
            return;
        }
        // Millisecond ticks: Kafka timestamps are milliseconds, and answers should show the instants stored.
        CouponServer server = new CouponServer(config, Clock.tick(Clock.systemUTC(), Duration.ofMillis(1)));
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "coupon-shutdown"));
        try {
            server.start();
        } catch (Exception e) {
            System.err.println("start-up failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** Compares Kafka with MySQL; against the embedded broker when no cluster is configured (the server runs). */
    private static int reconcile(CouponConfig config) {
        String bootstrap = config.kafka().embedded() ? "127.0.0.1:" + config.kafka().embeddedPort()
                : config.kafka().bootstrapServers();
        try {
            return new Reconciler(bootstrap, config.mysql(), System.out).run().isEmpty() ? 0 : 1;
        } catch (Exception e) {
            System.err.println("reconcile failed: " + e);
            return 2;
        }
    }
}

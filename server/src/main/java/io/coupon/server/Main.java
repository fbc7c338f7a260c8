package io.coupon.server;

import io.coupon.contract.config.CouponConfig;
import io.coupon.contract.config.Role;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code java -jar coupon-server.jar [--role all|api|stream]}. Everything else is configured by environment
 * variables (see the README).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        CouponConfig config;
        try {
            config = CouponConfig.fromEnv(System.getenv());
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--role") && i + 1 < args.length) {
                    config = config.withRole(Role.parse(args[++i]));
                } else if (args[i].startsWith("--role=")) {
                    config = config.withRole(Role.parse(args[i].substring("--role=".length())));
                } else {
                    throw new IllegalArgumentException("unknown argument '" + args[i]
                            + "'; usage: java -jar coupon-server.jar [--role all|api|stream]");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("configuration error: " + e.getMessage());
            System.exit(2);
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
}

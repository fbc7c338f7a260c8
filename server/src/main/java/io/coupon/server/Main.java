package io.coupon.server;

import io.coupon.contract.config.CouponConfig;
import io.coupon.contract.config.KafkaConnection;
import io.coupon.contract.config.Role;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.Admin;

/**
 * {@code java -jar coupon-server.jar [--role all|api|stream]} runs the platform. Subcommands:
 * {@code reconcile} compares Kafka with MySQL; {@code broker} runs only a KRaft broker; {@code sink} runs only the
 * MySQL sink worker; {@code cluster} runs a broker, several stream and API instances and the sink on this
 * machine. Everything else is configured by environment variables (see the README).
 */
public final class Main {

    /** How long SIGTERM waits for a clean stop before the process halts (the stream commits within it). */
    private static final Duration STOP_DEADLINE = Duration.ofSeconds(30);


    private static final String USAGE = "usage: java -jar coupon-server.jar [--role all|api|stream] | reconcile"
            + " | verify [--url http://127.0.0.1:7070] [--api-key KEY] | broker | sink | cluster [--brokers 1|3] [--streams 3] [--apis 1] [--dir ./cluster] [--port 7070]"
            + " [--standby N] [--no-sink] | --help | --version";

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && List.of("--help", "-h", "help").contains(args[0])) {
            System.out.print(help());
            System.exit(0);
            return;
        }
        if (args.length > 0 && List.of("--version", "version").contains(args[0])) {
            System.out.println(version());
            System.exit(0);
            return;
        }
        String command = args.length > 0 && !args[0].startsWith("--") ? args[0] : "serve";
        if (command.equals("cluster")) {
            System.exit(cluster(args));
            return;
        }
        if (command.equals("verify")) {
            System.exit(verify(args));
            return;
        }
        if (!List.of("serve", "reconcile", "broker", "sink").contains(command)) {
            System.err.println("unknown command '" + command + "'; " + USAGE);
            System.exit(2);
            return;
        }
        CouponConfig config;
        try {
            config = CouponConfig.fromEnv(System.getenv());
            for (int i = command.equals("serve") ? 0 : 1; i < args.length; i++) {
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
        CouponConfig settled = config;
        switch (command) {
            case "reconcile" -> System.exit(reconcile(settled));
            case "broker" -> runUntilStopped("broker", () -> new EmbeddedKafkaBroker(settled.kafka().brokerLogDir(),
                    settled.kafka().embeddedPort(), settled.kafka().brokerQuorum()).start());
            case "sink" -> runUntilStopped("sink", () -> sinkOnly(settled));
            default -> runUntilStopped("server",
                    // Millisecond ticks: Kafka timestamps are milliseconds, and answers show the instants stored.
                    () -> {
                        StartupWarmUp.run(System.getenv(), settled);
                        return new CouponServer(settled, Clock.tick(Clock.systemUTC(), Duration.ofMillis(1))).start();
                    });
        }
    }

    /** What {@code --help} prints: the subcommands, then every variable the configuration reads. */
    static String help() {
        StringBuilder text = new StringBuilder();
        text.append(USAGE).append("\n\n");
        text.append("""
                commands:
                  (none)     run the platform: the HTTP API, the stream and the MySQL sink, on an embedded Kafka
                             broker unless KAFKA_BOOTSTRAP_SERVERS is set; --role api|stream runs one part
                  reconcile  compare Kafka with MySQL; exit code 0 when they agree
                  verify     judge what was committed: no oversell, nobody over the limit, no coupon twice, every
                             grant with its event, MySQL agreeing, and with --url every grant in its wallet; exit
                             code 0 when every promise held
                  broker     run only a KRaft broker, on the data folder
                  sink       run only the MySQL sink's Connect worker (needs KAFKA_BOOTSTRAP_SERVERS)
                  cluster    run a broker (or three: --brokers 3), stream and API instances and the sink as
                             processes on this machine
                  --help     this text;  --version  the version and the commit it was built from

                configuration (environment variables; the README's Configuration table says what each does):
                """);
        for (String variable : CouponConfig.VARIABLES) {
            text.append("  ").append(variable).append('\n');
        }
        text.append("  KAFKA_*    any other: the Kafka client property its name spells (KAFKA_SASL_MECHANISM is ")
                .append("sasl.mechanism)\n");
        return text.toString();
    }

    /** What {@code --version} prints: the version and the commit the jar was built from. */
    static String version() {
        Properties built = new Properties();
        try (InputStream in = Main.class.getResourceAsStream("/coupon-version.properties")) {
            if (in != null) {
                built.load(in);
            }
        } catch (IOException unreadable) {
            // printed as unknown below
        }
        String commit = built.getProperty("git.commit.id.abbrev", "unknown");
        if (Boolean.parseBoolean(built.getProperty("git.dirty", "false"))) {
            commit += " with uncommitted changes";
        }
        return "coupon-server " + built.getProperty("git.build.version", "unknown") + " (commit " + commit
                + (built.containsKey("git.commit.time") ? ", " + built.getProperty("git.commit.time") : "") + ")";
    }

    private interface Starter {
        AutoCloseable start() throws Exception;
    }

    /** Starts one part and keeps the process alive until SIGTERM or Ctrl-C, which stop it cleanly. */
    private static void runUntilStopped(String what, Starter starter) {
        AutoCloseable running;
        try {
            running = starter.start();
        } catch (Exception e) {
            System.err.println(what + " start-up failed: " + e);
            e.printStackTrace();
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            haltIfStillStoppingAfter(STOP_DEADLINE, what);
            try {
                running.close();
            } catch (Exception e) {
                System.err.println("error while stopping the " + what + ": " + e);
            }
        }, "coupon-shutdown"));
    }

    /**
     * A stop must end: a part that hangs while closing would keep the process (and a terminal, or a pod past its
     * grace period) alive for ever. Halting is safe, since every promise already survives kill -9.
     */
    private static void haltIfStillStoppingAfter(Duration deadline, String what) {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(deadline.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("the " + what + " did not stop within " + deadline.toSeconds() + " s; halting");
            Runtime.getRuntime().halt(1);
        }, "coupon-stop-deadline");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    /** The sink worker alone, for deployments that run it apart from the stream (it needs an external broker). */
    private static AutoCloseable sinkOnly(CouponConfig config) throws Exception {
        if (config.kafka().embedded()) {
            throw new IllegalArgumentException("the sink needs KAFKA_BOOTSTRAP_SERVERS");
        }
        KafkaConnection kafka = config.kafka().connection(config.kafka().bootstrapServers());
        int replication;
        try (Admin admin = Admin.create(kafka.properties())) {
            replication = TopicInitializer.replicationFactor(admin, config.kafka().replicationFactor());
            TopicInitializer.ensureTopics(admin, config.kafka().partitions(), replication);
        }
        return new EmbeddedConnectWorker(kafka, config.kafka().dataDir(), config.mysql(), replication).start();
    }

    /** Compares Kafka with MySQL; against the embedded broker when no cluster is configured (the server runs). */
    private static int reconcile(CouponConfig config) {
        try {
            return new Reconciler(committedData(config), config.mysql(), Reconciler.SINK_SETTLE_TIME,
                    System.out).run().isEmpty() ? 0 : 1;
        } catch (Exception e) {
            System.err.println("reconcile failed: " + e);
            return 2;
        }
    }

    /**
     * Where the checks read what was committed: the configured cluster, else the embedded broker of a server
     * running on this data folder.
     */
    private static KafkaConnection committedData(CouponConfig config) {
        String bootstrap = config.kafka().embedded() ? "127.0.0.1:" + config.kafka().embeddedPort()
                : config.kafka().bootstrapServers();
        return config.kafka().connection(bootstrap);
    }

    /** The offline verdict ({@link Verifier}); against the embedded broker when no cluster is configured. */
    private static int verify(String[] args) {
        String url = null;
        String key = null;
        CouponConfig config;
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--url" -> url = value(args, ++i);
                    case "--api-key" -> key = value(args, ++i);
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
            config = CouponConfig.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "; " + USAGE);
            return 2;
        }
        try {
            return new Verifier(committedData(config), config.mysql(), url, key, System.out).run()
                    .isEmpty() ? 0 : 1;
        } catch (Exception e) {
            System.err.println("verify failed: " + e);
            return 2;
        }
    }

    /** Runs a local cluster in the foreground; Ctrl-C stops every process of it. */
    private static int cluster(String[] args) {
        int brokers = 1;
        int streams = 3;
        int apis = 1;
        int port = 7070;
        Integer standby = null;
        boolean sink = true;
        Path dir = Path.of("cluster");
        try {
            for (int i = 1; i < args.length; i++) {
                switch (args[i]) {
                    case "--brokers" -> brokers = positive(args, ++i);
                    case "--streams" -> streams = positive(args, ++i);
                    case "--apis" -> apis = positive(args, ++i);
                    case "--port" -> port = positive(args, ++i);
                    case "--standby" -> standby = Integer.parseInt(value(args, ++i));
                    case "--dir" -> dir = Path.of(value(args, ++i));
                    case "--no-sink" -> sink = false;
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
            if (brokers != 1 && brokers != 3) {
                throw new IllegalArgumentException("--brokers is 1 or 3");
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "; " + USAGE);
            return 2;
        }
        Path jar;
        try {
            jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (Exception e) {
            System.err.println("cannot find the jar to start: " + e);
            return 1;
        }
        LocalCluster.Layout defaults = LocalCluster.Layout.defaults(jar, dir.toAbsolutePath(), streams, apis);
        // Each process inherits this environment (rate limits, claim wait, MySQL …); the cluster sets its ports,
        // role, data folder and broker itself.
        LocalCluster.Layout layout = new LocalCluster.Layout(jar, defaults.dir(), brokers, streams, apis, sink, port,
                defaults.brokerPort(), defaults.controllerPort(), defaults.connectPort(), defaults.partitions(),
                standby != null ? standby : defaults.standbyReplicas(), Map.of(), defaults.jvmOptions());
        LocalCluster cluster = new LocalCluster(layout);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping the cluster …");
            cluster.close();
            stopped.countDown();
        }, "cluster-shutdown"));
        try {
            System.out.println("starting " + (brokers == 1 ? "a broker" : brokers + " brokers") + ", " + streams
                    + " stream and " + apis + " API instances"
                    + (sink ? " and the MySQL sink" : "") + " under " + layout.dir() + " …");
            cluster.start();
        } catch (Exception e) {
            System.err.println("the cluster did not start: " + e.getMessage());
            return 1;
        }
        for (ChildProcess broker : cluster.brokers()) {
            System.out.printf("%-8s 127.0.0.1:%s  (pid %d, log %s)%n", broker.name(),
                    broker.env("COUPON_EMBEDDED_KAFKA_PORT"), broker.pid(), broker.log());
        }
        for (ChildProcess instance : cluster.instances()) {
            System.out.printf("%-8s %s  (pid %d, log %s)%n", instance.name(), LocalCluster.url(instance),
                    instance.pid(), instance.log());
        }
        System.out.println("every instance answers every request; Ctrl-C stops them all");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    private static int positive(String[] args, int i) {
        int n = Integer.parseInt(value(args, i));
        if (n < 1) {
            throw new IllegalArgumentException(args[i - 1] + " must be at least 1");
        }
        return n;
    }
}

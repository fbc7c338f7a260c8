package io.coupon.bench;

import io.coupon.contract.TopicCatalog;
import io.coupon.contract.message.Claim;
import io.coupon.contract.message.ClaimCommand;
import io.coupon.server.ChildProcess;
import io.coupon.server.LocalCluster;
import io.coupon.server.Poll;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * {@code coupon-bench.jar recovery}: how long the claims of a killed stream instance's partitions go unanswered
 * (with and without a standby replica), how fast a wiped instance restores its stores from Kafka, and the memory of
 * each instance, on clusters of real processes ({@link LocalCluster}) started from {@code coupon-server.jar}; its
 * three clusters, one after another, take 20 ports each from {@code --port} on. It measures and asserts nothing; the
 * figures go to standard output ({@code --out}: and to a file), and from there to docs/BENCHMARKS.md.
 */
final class RecoveryBench {

    static final String USAGE = "usage: java -jar coupon-bench.jar recovery [--coupons 200000]"
            + " [--server-jar server/target/coupon-server.jar] [--port 27070] [--out recovery.txt]";

    private static final int TEMPLATES = 12;
    /** Each cluster takes ports from its own block: one closed a moment ago may not have let go of them yet. */
    private static final int PORTS_PER_CLUSTER = 20;
    /** How often the preload's progress is read: it takes minutes. */
    private static final Duration POLL_EVERY = Duration.ofSeconds(2);
    /** How soon a request that decided nothing is sent again: the failover is timed to a fraction of a second. */
    private static final Duration RETRY_EVERY = Duration.ofMillis(200);
    /** Long enough for a session timeout and a rebalance; a claim still unanswered after it is a failure. */
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    private final int coupons;
    private final Path serverJar;
    private final int firstPort;
    private final PrintStream out;
    private final StringBuilder report = new StringBuilder();
    private final AtomicLong users = new AtomicLong(10_000_000);
    private int clusters;

    private RecoveryBench(int coupons, Path serverJar, int firstPort, PrintStream out) {
        this.coupons = coupons;
        this.serverJar = serverJar.toAbsolutePath();
        this.firstPort = firstPort;
        this.out = out;
    }

    static int run(String[] args, PrintStream out) throws Exception {
        int coupons = 200_000;
        Path serverJar = Path.of("server", "target", "coupon-server.jar");
        int port = 27_070;
        Path file = null;
        for (Map.Entry<String, String> option : BenchOptions.pairs(args, 0).entrySet()) {
            String name = option.getKey();
            String value = option.getValue();
            switch (name) {
                case "--coupons" -> coupons = Math.toIntExact(BenchOptions.number(name, value));
                case "--server-jar" -> serverJar = Path.of(value);
                case "--port" -> port = Math.toIntExact(BenchOptions.number(name, value));
                case "--out" -> file = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (coupons < 4 * TEMPLATES || !Files.isRegularFile(serverJar)) {
            throw new IllegalArgumentException("--coupons must be at least " + 4 * TEMPLATES + " and --server-jar"
                    + " a built coupon-server.jar (mvn -DskipTests package); got " + coupons + ", " + serverJar);
        }
        RecoveryBench bench = new RecoveryBench(coupons, serverJar, port, out);
        bench.measureRestoration();
        bench.measureFailover(0);
        bench.measureFailover(1);
        if (file != null) {
            Files.writeString(file, bench.report);
            out.println("written to " + file.toAbsolutePath());
        }
        return 0;
    }

    /** One stream instance holding every coupon loses its state folder and restores it from Kafka. */
    private void measureRestoration() throws Exception {
        try (LocalCluster cluster = new LocalCluster(layout(1, 0)).start()) {
            preload(cluster, coupons);
            ChildProcess instance = cluster.streams().get(0);
            note("restore: %d coupons, RSS after loading %d MiB", coupons, rssMiB(instance));
            instance.stop(30);
            deleteTree(cluster.layout().dir().resolve(instance.name()).resolve("streams"));
            long started = System.nanoTime();
            instance.start();
            cluster.awaitHealthy(instance, Duration.ofMinutes(30));
            double seconds = (System.nanoTime() - started) / 1e9;
            note("restore: healthy %.1f s after start with an empty state folder (%.0f s per million coupons, "
                    + "JVM start included); RSS %d MiB", seconds, seconds * 1_000_000 / coupons, rssMiB(instance));
        }
    }

    /** Three stream instances; one is killed; how long until a claim on each template is answered again. */
    private void measureFailover(int standby) throws Exception {
        try (LocalCluster cluster = new LocalCluster(layout(3, standby)).start()) {
            List<Long> templates = preload(cluster, coupons / 4);
            for (ChildProcess instance : cluster.streams()) {
                note("failover (standby %d): %s RSS %d MiB", standby, instance.name(), rssMiB(instance));
            }
            CouponHttp api = new CouponHttp(LocalCluster.url(cluster.apis().get(0)), Duration.ofSeconds(15));
            cluster.streams().get(1).kill();
            long killed = System.nanoTime();
            List<CompletableFuture<Double>> answered = new ArrayList<>();
            for (long template : templates) {
                answered.add(CompletableFuture.supplyAsync(() -> {
                    claimUntilGranted(api, template);
                    return (System.nanoTime() - killed) / 1e9;
                }));
            }
            double worst = 0;
            double best = Double.MAX_VALUE;
            for (CompletableFuture<Double> f : answered) {
                worst = Math.max(worst, f.get());
                best = Math.min(best, f.get());
            }
            note("failover (standby %d): after kill -9, claims answered within %.1f s (fastest template %.1f s)",
                    standby, worst, best);
        }
    }

    /**
     * One new user's claim, sent again with its key after every answer that decides nothing (and after none, the API
     * instance being unreachable for a moment), as a careful client would, until it is granted.
     */
    private void claimUntilGranted(CouponHttp api, long template) {
        long user = users.incrementAndGet();
        String key = UUID.randomUUID().toString();
        try {
            await(() -> granted(api.claim(template, user, key)), GIVE_UP_AFTER, RETRY_EVERY,
                    "a claim on template " + template + " granted");
        } catch (Exception e) {
            throw new IllegalStateException("template " + template + ": the claim failed", e);
        }
    }

    /** True for a grant; false for what a client retries (202, 429, 503); any other answer ends the run. */
    private static boolean granted(int status) {
        if (status == 201) {
            return true;
        }
        if (status == 202 || status == 429 || status == 503) {
            return false;
        }
        throw new IllegalStateException("a claim was answered " + status + ", not 201");
    }

    /** Claims straight onto claim-requests (as the API would write them), then waits until all are decided. */
    private List<Long> preload(LocalCluster cluster, int count) throws Exception {
        CouponHttp api = new CouponHttp(LocalCluster.url(cluster.instances().get(0)), Duration.ofSeconds(10));
        List<Long> templates = new ArrayList<>();
        for (int i = 0; i < TEMPLATES; i++) {
            String name = "recovery " + i;
            // A fresh cluster may refuse the first definitions (not yet); the id is added once one answers 201.
            await(() -> templates.add(api.createTemplate(name, count, 1, Instant.now().minusSeconds(60),
                    Instant.now().plus(Duration.ofDays(30)))), Duration.ofMinutes(1), RETRY_EVERY, name + " created");
        }
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        long started = System.nanoTime();
        try (KafkaProducer<Long, ClaimCommand> producer = new KafkaProducer<>(config,
                TopicCatalog.CLAIM_REQUESTS.keys().serializer(), TopicCatalog.CLAIM_REQUESTS.values().serializer())) {
            for (int i = 0; i < count; i++) {
                long template = templates.get(i % TEMPLATES);
                Claim claim = new Claim("preload-" + i, template, users.incrementAndGet(), Instant.now());
                producer.send(new ProducerRecord<>(TopicCatalog.CLAIM_REQUESTS.name(), template, claim));
            }
        }
        long perTemplate = count / TEMPLATES;
        await(() -> allDecided(api, templates, count - perTemplate), Duration.ofMinutes(60), POLL_EVERY,
                "preload decided");
        // The last grant in its wallet: the second hop has caught up too.
        long lastUser = users.get();
        await(() -> api.walletSize(lastUser) == 1, Duration.ofMinutes(10), POLL_EVERY, "last grant in its wallet");
        note("preload: %d claims decided in %.0f s", count, (System.nanoTime() - started) / 1e9);
        return templates;
    }

    private static boolean allDecided(CouponHttp api, List<Long> templates, long remaining) throws Exception {
        for (long template : templates) {
            if (api.template(template).get("remaining").asLong() > remaining) {
                return false;
            }
        }
        return true;
    }

    /** Polls {@code condition}, counting a look that fails (an instance starting or gone) as not yet. */
    private static void await(Poll.Condition condition, Duration timeout, Duration every, String what)
            throws Exception {
        Poll.Condition patient = () -> {
            try {
                return condition.holds();
            } catch (IOException notYet) {
                return false;
            }
        };
        if (!Poll.await(patient, timeout, every)) {
            throw new IllegalStateException(what + ": not within " + timeout);
        }
    }

    private LocalCluster.Layout layout(int streams, int standby) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("COUPON_RATE_LIMIT_PER_USER", "0");
        env.put("COUPON_RATE_LIMIT_GLOBAL", "0");
        env.put("COUPON_SESSION_TIMEOUT", "10s");
        env.put("COUPON_APPLICATION_ID", "coupon-recovery-" + UUID.randomUUID());
        int http = firstPort + PORTS_PER_CLUSTER * clusters++;
        int broker = http + PORTS_PER_CLUSTER - 3;
        return new LocalCluster.Layout(serverJar, Files.createTempDirectory("coupon-recovery"), 1, streams, 1, false,
                http, broker, broker + 1, broker + 2, 6, standby, env, List.of("-Xmx1g"));
    }

    private static long rssMiB(ChildProcess process) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private void note(String format, Object... args) {
        String line = String.format(format, args);
        out.println("[recovery] " + line);
        report.append(line).append('\n');
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

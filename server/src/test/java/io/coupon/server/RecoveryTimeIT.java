package io.coupon.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.coupon.contract.TopicCatalog;
import io.coupon.contract.message.Claim;
import io.coupon.contract.message.ClaimCommand;
import java.io.IOException;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Measures, not asserts: how long the claims of a killed instance's partitions go unanswered (with and without
 * standby replicas), how fast a wiped instance restores its stores, and the memory of each instance. Skipped
 * unless {@code -Dfault.measure=true}; the figures go to standard output and {@code target/recovery.txt}, and
 * from there to docs/BENCHMARKS.md.
 */
@Tag("measure")
class RecoveryTimeIT {

    private static final int COUPONS = Integer.getInteger("fault.coupons", 200_000);
    private static final int TEMPLATES = 12;
    private static final AtomicLong USERS = new AtomicLong(10_000_000);
    private final StringBuilder report = new StringBuilder();

    @Test
    void measureRestorationFailoverAndMemory() throws Exception {
        assumeTrue(Boolean.getBoolean("fault.measure"), "a measurement: run with -Dfault.measure=true");
        measureRestoration();
        measureFailover(0);
        measureFailover(1);
        Files.writeString(Path.of("target", "recovery.txt"), report);
    }

    /** One stream instance holding {@link #COUPONS} coupons loses its state folder and restores it from Kafka. */
    private void measureRestoration() throws Exception {
        try (LocalCluster cluster = new LocalCluster(layout(1, 0)).start()) {
            preload(cluster, COUPONS);
            ChildProcess instance = cluster.streams().get(0);
            note("restore: %d coupons, RSS after loading %d MiB", COUPONS, rssMiB(instance));
            instance.stop(30);
            deleteTree(cluster.layout().dir().resolve(instance.name()).resolve("streams"));
            long started = System.nanoTime();
            instance.start();
            cluster.awaitHealthy(instance, Duration.ofMinutes(30));
            double seconds = (System.nanoTime() - started) / 1e9;
            note("restore: healthy %.1f s after start with an empty state folder (%.0f s per million coupons, "
                    + "JVM start included); RSS %d MiB", seconds, seconds * 1_000_000 / COUPONS, rssMiB(instance));
        }
    }

    /** Three stream instances; one is killed; how long until a claim on each template is answered again. */
    private void measureFailover(int standby) throws Exception {
        try (LocalCluster cluster = new LocalCluster(layout(3, standby)).start()) {
            List<Long> templates = preload(cluster, COUPONS / 4);
            for (ChildProcess instance : cluster.streams()) {
                note("failover (standby %d): %s RSS %d MiB", standby, instance.name(), rssMiB(instance));
            }
            ResilientClient client = new ResilientClient(
                    cluster.apis().stream().map(LocalCluster::url).toList());
            ChildProcess victim = cluster.streams().get(1);
            victim.kill();
            long killed = System.nanoTime();
            List<CompletableFuture<Double>> answered = new ArrayList<>();
            for (long template : templates) {
                answered.add(CompletableFuture.supplyAsync(() -> {
                    ResilientClient.Answer answer = client.claim(template, USERS.incrementAndGet(),
                            UUID.randomUUID().toString());
                    assertEquals(201, answer.status(), answer.body().toString());
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

    /** Claims straight onto claim-requests (as the API would write them), then waits until all are decided. */
    private List<Long> preload(LocalCluster cluster, int coupons) throws Exception {
        Api api = new Api(LocalCluster.url(cluster.instances().get(0)));
        List<Long> templates = new ArrayList<>();
        for (int i = 0; i < TEMPLATES; i++) {
            long id = Api.freshId();
            String body = Api.templateJson(id, coupons, 1, Instant.now().minusSeconds(60),
                    Instant.now().plus(Duration.ofDays(30)));
            await().atMost(Duration.ofMinutes(1)).until(() -> api.post("/v1/templates", body).status() == 201);
            templates.add(id);
        }
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers());
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        long started = System.nanoTime();
        try (KafkaProducer<Long, ClaimCommand> producer = new KafkaProducer<>(config,
                TopicCatalog.CLAIM_REQUESTS.keys().serializer(), TopicCatalog.CLAIM_REQUESTS.values().serializer())) {
            for (int i = 0; i < coupons; i++) {
                long template = templates.get(i % TEMPLATES);
                Claim claim = new Claim("preload-" + i, template, USERS.incrementAndGet(), Instant.now());
                producer.send(new ProducerRecord<>(TopicCatalog.CLAIM_REQUESTS.name(), template, claim));
            }
        }
        long perTemplate = coupons / TEMPLATES;
        await().atMost(Duration.ofMinutes(60)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .until(() -> templates.stream()
                .allMatch(t -> api.remaining(t) <= coupons - perTemplate));
        // The last grant in its wallet: the second hop has caught up too.
        long lastUser = USERS.get();
        await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                .until(() -> api.wallet(lastUser).size() == 1);
        note("preload: %d claims decided in %.0f s", coupons, (System.nanoTime() - started) / 1e9);
        return templates;
    }

    private LocalCluster.Layout layout(int streams, int standby) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("COUPON_RATE_LIMIT_PER_USER", "0");
        env.put("COUPON_RATE_LIMIT_GLOBAL", "0");
        env.put("COUPON_SESSION_TIMEOUT", "10s");
        env.put("COUPON_APPLICATION_ID", "coupon-recovery-" + UUID.randomUUID());
        return new LocalCluster.Layout(Path.of(System.getProperty("coupon.server.jar", "target/coupon-server.jar"))
                .toAbsolutePath(), Files.createTempDirectory("coupon-recovery"), 1, streams, 1, false,
                FreePorts.block(1 + streams), FreePorts.next(), FreePorts.next(), FreePorts.next(), 6, standby, env,
                List.of("-Xmx1g"));
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
        System.out.println("[recovery] " + line);
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

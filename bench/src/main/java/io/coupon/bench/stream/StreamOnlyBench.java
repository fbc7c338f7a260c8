package io.coupon.bench.stream;

import io.coupon.contract.config.KafkaConnection;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.coupon.bench.ProcessCpu;
import io.coupon.contract.TopicCatalog;
import io.coupon.contract.Topics;
import io.coupon.contract.config.StreamsSettings;
import io.coupon.contract.message.Claim;
import io.coupon.contract.message.ClaimCommand;
import io.coupon.contract.message.DefineTemplate;
import io.coupon.domain.ClaimStatus;
import io.coupon.domain.CouponType;
import io.coupon.domain.Template;
import io.coupon.server.EmbeddedKafkaBroker;
import io.coupon.topology.ClaimTopology;
import io.coupon.topology.StreamsProperties;
import io.coupon.topology.TopologySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The topology alone, without HTTP: an in-process KRaft broker, {@code claim-requests} pre-loaded with template
 * definitions and N claims (the same messages, keys and timestamps the API's {@code CommandPublisher} produces),
 * then the real {@link ClaimTopology} with the real {@link StreamsProperties} and 1 or more stream threads,
 * timed until every claim has its outcome on {@code claim-results} (read committed). Each template sits on a
 * partition of its own, so a second stream thread has work to take.
 */
public final class StreamOnlyBench {

    private static final JsonFactory STATUS_READER = new JsonFactory();
    private static final String GRANTED = ClaimStatus.GRANTED.name();
    private static final int DEFINE_ATTEMPTS = 5;

    public StreamOnlyResult run(StreamOnlyOptions o) throws Exception {
        Path dir = Files.createTempDirectory("coupon-stream-only");
        try (EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(dir.resolve("kafka"), freePort(), freePort())) {
            broker.start();
            String bootstrap = broker.bootstrapServers();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                List<NewTopic> topics = new ArrayList<>();
                for (Topics.Spec spec : Topics.ALL) {
                    topics.add(new NewTopic(spec.name(), o.partitions(), (short) 1));
                }
                admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
            }
            Instant now = Instant.now();
            List<Template> warmup = templates(o.templates(), Math.max(1, o.warmupClaims() / o.templates() / 4),
                    o.partitions(), 1, now);
            List<Template> templates = templates(o.templates(), o.stock(), o.partitions(),
                    warmup.get(warmup.size() - 1).id() + 1, now);
            long expectedGranted = preload(bootstrap, warmup, templates, o, now);
            return decide(bootstrap, dir.resolve("streams"), warmup, templates, o, expectedGranted);
        } finally {
            deleteQuietly(dir);
        }
    }

    /**
     * One template per partition (as far as there are partitions), ids from {@code firstId} on, chosen by the
     * producer's own hashing.
     */
    static List<Template> templates(int count, long stock, int partitions, long firstId, Instant now) {
        Serializer<Long> keys = TopicCatalog.CLAIM_REQUESTS.keys().serializer();
        Set<Integer> taken = new HashSet<>();
        List<Template> templates = new ArrayList<>();
        for (long id = firstId; templates.size() < count; id++) {
            int partition = Utils.toPositive(Utils.murmur2(keys.serialize(null, id))) % partitions;
            if (taken.add(partition) || taken.size() >= partitions) {
                templates.add(new Template(id, "stream-only " + id, CouponType.THRESHOLD, new BigDecimal("20.00"),
                        new BigDecimal("200.00"), null, stock, 1, now.minus(Duration.ofMinutes(1)),
                        now.plus(Duration.ofDays(1)), 7));
            }
        }
        return templates;
    }

    /**
     * Writes the definitions, then the warm-up claims and the timed claims, each round-robin over its own
     * templates; returns the grants to expect of the timed ones.
     */
    private static long preload(String bootstrap, List<Template> warmup, List<Template> templates,
            StreamOnlyOptions o, Instant now) throws Exception {
        define(bootstrap, concat(warmup, templates), now);
        try (KafkaProducer<Long, ClaimCommand> producer = claimsProducer(bootstrap, Duration.ofMinutes(2))) {
            SplittableRandom random = new SplittableRandom(42);
            sendClaims(producer, warmup, o.warmupClaims(), o.users(), random, "warmup-");
            List<Set<Long>> users = sendClaims(producer, templates, o.claims(), o.users(), random, "claim-");
            producer.flush();
            return users.stream().mapToLong(u -> Math.min(o.stock(), u.size())).sum();
        }
    }

    /**
     * Every definition acknowledged before the first claim. On a just-created topic a first batch can meet a
     * partition whose leader is not ready; the idempotent producer's retry is then refused as out of order and
     * the batch never lands (runs failed that way). A new producer starts a new sequence, and a definition
     * written twice is answered ALREADY_EXISTS, so the definitions are simply sent again.
     */
    private static void define(String bootstrap, List<Template> templates, Instant now) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try (KafkaProducer<Long, ClaimCommand> producer = claimsProducer(bootstrap, Duration.ofSeconds(10))) {
                List<Future<RecordMetadata>> definitions = new ArrayList<>();
                for (Template t : templates) {
                    definitions.add(producer.send(new ProducerRecord<>(TopicCatalog.CLAIM_REQUESTS.name(), null,
                            now.toEpochMilli(), t.id(), new DefineTemplate("define-" + t.id(), t))));
                }
                producer.flush();
                for (Future<RecordMetadata> definition : definitions) {
                    definition.get();
                }
                return;
            } catch (ExecutionException e) {
                if (attempt == DEFINE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static KafkaProducer<Long, ClaimCommand> claimsProducer(String bootstrap, Duration deliveryTimeout) {
        return new KafkaProducer<>(producerProps(bootstrap, deliveryTimeout),
                TopicCatalog.CLAIM_REQUESTS.keys().serializer(), TopicCatalog.CLAIM_REQUESTS.values().serializer());
    }

    private static Properties producerProps(String bootstrap, Duration deliveryTimeout) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, deliveryTimeout.toMillis() - 10));
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) deliveryTimeout.toMillis());
        return p;
    }

    /** Sends the claims round-robin over the templates; returns each template's distinct users. */
    private static List<Set<Long>> sendClaims(KafkaProducer<Long, ClaimCommand> producer, List<Template> templates,
            long claims, long userCount, SplittableRandom random, String idPrefix) {
        List<Set<Long>> users = new ArrayList<>();
        templates.forEach(t -> users.add(new HashSet<>()));
        for (long i = 0; i < claims; i++) {
            int index = (int) (i % templates.size());
            long template = templates.get(index).id();
            long user = 1 + random.nextLong(userCount);
            users.get(index).add(user);
            Instant at = Instant.now();
            producer.send(new ProducerRecord<>(TopicCatalog.CLAIM_REQUESTS.name(), null, at.toEpochMilli(), template,
                    new Claim(idPrefix + i, template, user, at)));
        }
        return users;
    }

    /**
     * Starts the stream and reads the outcomes. The clock and the process's CPU time start when the last
     * warm-up outcome is read (or at the first outcome without a warm-up) and stop at the last timed outcome;
     * the rate counts the timed outcomes read in between.
     */
    private static StreamOnlyResult decide(String bootstrap, Path stateDir, List<Template> warmup,
            List<Template> templates, StreamOnlyOptions o, long expectedGranted) throws IOException {
        StreamsSettings settings = new StreamsSettings("coupon-stream-only-" + UUID.randomUUID(), o.threads(),
                o.commitInterval(), 0, Duration.ofHours(24), TopologySettings.DEFAULT_LOCK_TIMEOUT, stateDir,
                Duration.ofSeconds(10), 256);
        Properties props = StreamsProperties.of(settings, KafkaConnection.plain(bootstrap), "127.0.0.1:1", 1, true);
        Set<Long> warmupIds = new HashSet<>();
        warmup.forEach(t -> warmupIds.add(t.id()));
        Map<String, Long> outcomes = new TreeMap<>();
        Map<Long, Long> grantedPerTemplate = new HashMap<>();
        long warmupSeen = 0;
        long seen = 0;
        long windowNanos = 0;
        long seenAtWindow = 0;
        ProcessCpu cpu = null;
        ProcessCpu.Usage usage = null;
        long compileMsAtWindow = 0;
        long compileMsTimed = -1;
        long lastNanos = 0;
        long firstNanos = 0;
        try (KafkaConsumer<Long, byte[]> results = resultsConsumer(bootstrap)) {
            List<TopicPartition> partitions = results.partitionsFor(TopicCatalog.CLAIM_RESULTS.name()).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            results.assign(partitions);
            results.seekToBeginning(partitions);
            KafkaStreams streams = new KafkaStreams(ClaimTopology.build(TopologySettings.of(
                    settings.idempotencyRetention(), settings.lockTimeout())), props);
            long start = System.nanoTime();
            long deadline = start + o.timeout().toNanos();
            streams.start();
            try {
                while (seen < o.claims() && System.nanoTime() < deadline) {
                    long before = seen;
                    for (ConsumerRecord<Long, byte[]> r : results.poll(Duration.ofMillis(100))) {
                        if (warmupIds.contains(r.key())) {
                            warmupSeen++;
                            continue;
                        }
                        seen++;
                        String status = statusOf(r.value());
                        outcomes.merge(status, 1L, Long::sum);
                        if (GRANTED.equals(status)) {
                            grantedPerTemplate.merge(r.key(), 1L, Long::sum);
                        }
                    }
                    long now = System.nanoTime();
                    if (firstNanos == 0 && (seen > 0 || warmupSeen > 0)) {
                        firstNanos = now;
                    }
                    if (cpu == null && warmupSeen >= o.warmupClaims() && (o.warmupClaims() > 0 || seen > 0)) {
                        cpu = ProcessCpu.start(Map.of("stream-only", ProcessHandle.current().pid()));
                        compileMsAtWindow = JitClock.compileMillis();
                        windowNanos = now;
                        seenAtWindow = seen;
                    }
                    if (seen > before) {
                        lastNanos = now;
                    }
                }
                // Before the stream closes: its commit, flush and store closing are not deciding.
                usage = cpu == null ? null : cpu.stop(seen - seenAtWindow);
                if (cpu != null && JitClock.compileMillis() >= 0) {
                    compileMsTimed = JitClock.compileMillis() - compileMsAtWindow;
                }
            } finally {
                streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(Duration.ofSeconds(30)));
            }
            long steady = seen - seenAtWindow;
            long maxGranted = grantedPerTemplate.values().stream().max(Comparator.naturalOrder()).orElse(0L);
            return new StreamOnlyResult(o, templates.size(), seen, outcomes, expectedGranted,
                    grantedPerTemplate.values().stream().mapToLong(Long::longValue).sum(), maxGranted > o.stock(),
                    lastNanos == 0 ? 0 : lastNanos - start, firstNanos == 0 ? 0 : firstNanos - start,
                    steady, windowNanos == 0 ? 0 : lastNanos - windowNanos,
                    usage == null ? 0 : usage.totalCpuMs(), compileMsTimed);
        }
    }

    /**
     * The outcome's status, read off its JSON without building the outcome: the reader shares the cores with
     * the stream it measures, and decoding every outcome whole took a fifth of the samples in a profile.
     */
    static String statusOf(byte[] json) throws IOException {
        try (JsonParser parser = STATUS_READER.createParser(json)) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if ("status".equals(field)) {
                    return parser.getText();
                }
                parser.skipChildren();
            }
        }
        throw new IOException("an outcome without a status: " + new String(json, StandardCharsets.UTF_8));
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static KafkaConsumer<Long, byte[]> resultsConsumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        // the values stay bytes: the bench reads only each outcome's status, not the whole outcome
        return new KafkaConsumer<>(p, TopicCatalog.CLAIM_RESULTS.keys().deserializer(), new ByteArrayDeserializer());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}

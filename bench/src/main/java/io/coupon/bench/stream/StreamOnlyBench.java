package io.coupon.bench.stream;

import io.coupon.contract.JsonSerdes;
import io.coupon.contract.Topics;
import io.coupon.contract.config.StreamsSettings;
import io.coupon.contract.message.Claim;
import io.coupon.contract.message.DefineTemplate;
import io.coupon.domain.ClaimOutcome;
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
import java.util.concurrent.Future;
import java.util.TreeMap;
import java.util.UUID;
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
import org.apache.kafka.common.serialization.LongDeserializer;
import org.apache.kafka.common.serialization.LongSerializer;
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
            List<Template> templates = templates(o, now);
            long expectedGranted = preload(bootstrap, templates, o, now);
            return decide(bootstrap, dir.resolve("streams"), templates, o, expectedGranted);
        } finally {
            deleteQuietly(dir);
        }
    }

    /** One template per partition (as far as there are partitions), ids chosen by the producer's own hashing. */
    static List<Template> templates(StreamOnlyOptions o, Instant now) {
        LongSerializer keys = new LongSerializer();
        Set<Integer> taken = new HashSet<>();
        List<Template> templates = new ArrayList<>();
        for (long id = 1; templates.size() < o.templates(); id++) {
            int partition = Utils.toPositive(Utils.murmur2(keys.serialize(null, id))) % o.partitions();
            if (taken.add(partition) || taken.size() >= o.partitions()) {
                templates.add(new Template(id, "stream-only " + id, CouponType.THRESHOLD, new BigDecimal("20.00"),
                        new BigDecimal("200.00"), null, o.stock(), 1, now.minus(Duration.ofMinutes(1)),
                        now.plus(Duration.ofDays(1)), 7));
            }
        }
        return templates;
    }

    /** Writes the definitions, then the claims round-robin over the templates; returns the grants to expect. */
    private static long preload(String bootstrap, List<Template> templates, StreamOnlyOptions o, Instant now)
            throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        List<Set<Long>> users = new ArrayList<>();
        try (KafkaProducer<Long, Object> producer = new KafkaProducer<>(p, new LongSerializer(),
                JsonSerdes.serializer())) {
            List<Future<RecordMetadata>> definitions = new ArrayList<>();
            for (Template t : templates) {
                definitions.add(producer.send(new ProducerRecord<>(Topics.CLAIM_REQUESTS, null, now.toEpochMilli(),
                        t.id(), new DefineTemplate("define-" + t.id(), t))));
                users.add(new HashSet<>());
            }
            // Every definition acknowledged before the first claim: on a just-created topic a first batch that
            // meets a leader election can be retried after later batches of its partition were written, and
            // the broker then refuses it as out of order (a run lost a template's definition that way).
            producer.flush();
            for (Future<RecordMetadata> definition : definitions) {
                definition.get();
            }
            SplittableRandom random = new SplittableRandom(42);
            for (long i = 0; i < o.claims(); i++) {
                int index = (int) (i % templates.size());
                long template = templates.get(index).id();
                long user = 1 + random.nextLong(o.users());
                users.get(index).add(user);
                Instant at = Instant.now();
                producer.send(new ProducerRecord<>(Topics.CLAIM_REQUESTS, null, at.toEpochMilli(), template,
                        new Claim("claim-" + i, template, user, at)));
            }
            producer.flush();
        }
        return users.stream().mapToLong(u -> Math.min(o.stock(), u.size())).sum();
    }

    private static StreamOnlyResult decide(String bootstrap, Path stateDir, List<Template> templates,
            StreamOnlyOptions o, long expectedGranted) {
        StreamsSettings settings = new StreamsSettings("coupon-stream-only-" + UUID.randomUUID(), o.threads(),
                o.commitInterval(), 0, Duration.ofHours(24), TopologySettings.DEFAULT_LOCK_TIMEOUT, stateDir,
                Duration.ofSeconds(10), 256);
        Properties props = StreamsProperties.of(settings, bootstrap, "127.0.0.1:1", 1);
        Map<String, Long> outcomes = new TreeMap<>();
        Map<Long, Long> grantedPerTemplate = new HashMap<>();
        long seen = 0;
        long firstNanos = 0;
        long seenAtFirst = 0;
        long lastNanos = 0;
        try (KafkaConsumer<Long, ClaimOutcome> results = resultsConsumer(bootstrap)) {
            List<TopicPartition> partitions = results.partitionsFor(Topics.CLAIM_RESULTS).stream()
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
                    int before = (int) seen;
                    for (ConsumerRecord<Long, ClaimOutcome> r : results.poll(Duration.ofMillis(100))) {
                        ClaimOutcome outcome = r.value();
                        seen++;
                        outcomes.merge(outcome.status().name(), 1L, Long::sum);
                        if (outcome.status() == ClaimStatus.GRANTED) {
                            grantedPerTemplate.merge(outcome.templateId(), 1L, Long::sum);
                        }
                    }
                    if (seen > before) {
                        lastNanos = System.nanoTime();
                        if (firstNanos == 0) {
                            firstNanos = lastNanos;
                            seenAtFirst = seen;
                        }
                    }
                }
            } finally {
                streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(Duration.ofSeconds(30)));
            }
            long maxGranted = grantedPerTemplate.values().stream().max(Comparator.naturalOrder()).orElse(0L);
            return new StreamOnlyResult(o, templates.size(), seen, outcomes, expectedGranted,
                    grantedPerTemplate.values().stream().mapToLong(Long::longValue).sum(), maxGranted > o.stock(),
                    lastNanos == 0 ? 0 : lastNanos - start, firstNanos == 0 ? 0 : firstNanos - start,
                    seen - seenAtFirst, lastNanos - firstNanos);
        }
    }

    private static KafkaConsumer<Long, ClaimOutcome> resultsConsumer(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        return new KafkaConsumer<>(p, new LongDeserializer(), JsonSerdes.claimOutcome().deserializer());
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

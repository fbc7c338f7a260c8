package io.coupon.ingest;

import io.coupon.contract.config.KafkaConnection;
import io.coupon.contract.Topic;
import io.coupon.contract.TopicCatalog;
import io.coupon.contract.http.ApiException;
import io.coupon.contract.message.BlockUser;
import io.coupon.contract.message.BlocklistEntry;
import io.coupon.contract.message.ClaimCommand;
import io.coupon.contract.message.RedemptionCommand;
import io.coupon.contract.message.IssuanceDelta;
import io.coupon.contract.message.StartIssuance;
import io.coupon.contract.message.UnblockUser;
import io.coupon.contract.message.UserProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;

/**
 * Makes commands durable on {@code claim-requests}. Claims and definitions go through an idempotent producer
 * with {@code acks=all}: a request is acknowledged to the client only once it is on every in-sync replica.
 * Block and unblock go through a transactional producer that writes the command to every partition and the
 * blocklist entry in one transaction, so a claim queued after the 204 in any partition sees the change.
 */
public final class CommandPublisher implements AutoCloseable {

    private static final Duration START_UP_WAIT = Duration.ofMinutes(2);
    private static final int LINGER_MS = 5;
    /** The topics the API writes: both producers write each value with the serde of the topic it is sent to. */
    private static final List<Topic<Long, ?>> WRITTEN = List.of(TopicCatalog.CLAIM_REQUESTS,
            TopicCatalog.WALLET_COMMANDS, TopicCatalog.USER_PROFILES, TopicCatalog.USER_BLOCKLIST,
            TopicCatalog.ISSUANCE_REQUESTS, TopicCatalog.ISSUANCE_PROGRESS);

    private final KafkaProducer<Long, Object> commands;
    private final KafkaProducer<Long, Object> blocklist;
    private final KafkaCircuit circuit;

    public CommandPublisher(KafkaConnection kafka, String instanceId, KafkaCircuit circuit) {
        this.circuit = circuit;
        this.commands = producer(producerProps(kafka, "coupon-api-" + instanceId));
        Properties tx = producerProps(kafka, "coupon-api-blocklist-" + instanceId);
        tx.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "coupon-api-blocklist-" + instanceId);
        this.blocklist = producer(tx);
        initTransactions(blocklist);
    }

    /** Every written topic is keyed by an id, so one key serializer serves them all. */
    private static KafkaProducer<Long, Object> producer(Properties props) {
        return new KafkaProducer<>(props, TopicCatalog.CLAIM_REQUESTS.keys().serializer(), Topic.valuesOf(WRITTEN));
    }

    /**
     * A broker that has just started may need longer than the 3 s we allow a send to find the transaction
     * coordinator; Kafka allows initTransactions to be called again after it timed out, so start-up waits.
     */
    private static void initTransactions(KafkaProducer<Long, Object> producer) {
        long deadline = System.nanoTime() + START_UP_WAIT.toNanos();
        while (true) {
            try {
                producer.initTransactions();
                return;
            } catch (TimeoutException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
            }
        }
    }

    private static Properties producerProps(KafkaConnection kafka, String clientId) {
        Properties p = new Properties();
        p.putAll(kafka.properties());
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        // Each produce request costs the broker about as much CPU as the stream's whole decision. At 1 ms almost
        // every claim was its own request at 250 claims/s; 5 ms (Kafka's own default since 4.0) groups the claims
        // that arrive together: a third fewer produce and fetch requests at 250/s, a lower P99 at 300/s, and an
        // idle P50 of 14-15 ms against 12-14 ms before (docs/BENCHMARKS.md, sixth slice).
        p.put(ProducerConfig.LINGER_MS_CONFIG, LINGER_MS);
        // Kafka unreachable must become a 503 within seconds, never a hang.
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3000);
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 6000);
        return p;
    }

    /** Sends a command for the template's decider; see {@link #send(Topic, long, Object, Instant)}. */
    public CompletableFuture<RecordMetadata> send(long templateId, ClaimCommand command, Instant at) {
        return send(TopicCatalog.CLAIM_REQUESTS, templateId, command, at);
    }

    /** Sends a command for the step that owns the user's wallet; see {@link #send(Topic, long, Object, Instant)}. */
    public CompletableFuture<RecordMetadata> send(RedemptionCommand command) {
        return send(TopicCatalog.WALLET_COMMANDS, command.userId(), command, command.at());
    }

    /** Sends a profile PUT to {@code user-profiles}, the profiles' source of truth, keyed by user id. */
    public CompletableFuture<RecordMetadata> send(UserProfile profile) {
        return send(TopicCatalog.USER_PROFILES, profile.userId(), profile, profile.at());
    }

    /** How many partitions the users' topics have: the walkers of an issuance, one per partition. */
    public int userPartitions() {
        return blocklist.partitionsFor(TopicCatalog.ISSUANCE_REQUESTS.name()).size();
    }

    /**
     * Starts an issuance in one transaction: its start on {@code issuance-progress} (keyed by template) and the
     * job on every partition of {@code issuance-requests}, so either every partition walks it or none does.
     */
    public synchronized void startIssuance(StartIssuance start) {
        if (!circuit.allowSend()) {
            throw new KafkaException("Kafka is unreachable; not sent");
        }
        long at = start.at().toEpochMilli();
        inTransaction(() -> {
            blocklist.send(record(TopicCatalog.ISSUANCE_PROGRESS, null, at, start.templateId(),
                    IssuanceDelta.started(start)));
            for (int partition = 0; partition < start.partitions(); partition++) {
                blocklist.send(record(TopicCatalog.ISSUANCE_REQUESTS, partition, at, null, start));
            }
        });
    }

    /**
     * Completes once the command is durable; fails if it could not be made so (then it has no effect), at once
     * while the circuit is open.
     */
    private <V> CompletableFuture<RecordMetadata> send(Topic<Long, V> topic, long key, V command, Instant at) {
        if (!circuit.allowSend()) {
            return CompletableFuture.failedFuture(new KafkaException("Kafka is unreachable; not sent"));
        }
        CompletableFuture<RecordMetadata> durable = new CompletableFuture<>();
        try {
            commands.send(record(topic, null, at.toEpochMilli(), key, command),
                    (metadata, error) -> {
                        if (error != null) {
                            circuit.failed();
                            durable.completeExceptionally(error);
                        } else {
                            circuit.succeeded();
                            durable.complete(metadata);
                        }
                    });
        } catch (SerializationException e) {
            durable.completeExceptionally(unwritable(e));
        } catch (KafkaException e) {
            circuit.failed();
            durable.completeExceptionally(e);
        }
        return durable;
    }

    /** The producers' own metrics (send rates, errors, latencies), for the platform's registry to read. */
    public List<Supplier<Map<MetricName, ? extends Metric>>> metrics() {
        return List.of(commands::metrics, blocklist::metrics);
    }

    public synchronized void block(long userId, Instant at) {
        broadcast(new BlockUser(userId, at), new BlocklistEntry(userId, at), userId, at);
    }

    public synchronized void unblock(long userId, Instant at) {
        broadcast(new UnblockUser(userId, at), null, userId, at);
    }

    private void broadcast(ClaimCommand command, BlocklistEntry entry, long userId, Instant at) {
        if (!circuit.allowSend()) {
            throw new KafkaException("Kafka is unreachable; not sent");
        }
        List<PartitionInfo> partitions = blocklist.partitionsFor(TopicCatalog.CLAIM_REQUESTS.name());
        inTransaction(() -> {
            for (PartitionInfo partition : partitions) {
                blocklist.send(record(TopicCatalog.CLAIM_REQUESTS, partition.partition(), at.toEpochMilli(), null,
                        command));
            }
            blocklist.send(record(TopicCatalog.USER_BLOCKLIST, null, at.toEpochMilli(), userId, entry));
        });
    }

    /** A record for one of {@link #WRITTEN}, its value of the topic's type; a null partition: by the key. */
    private static <V> ProducerRecord<Long, Object> record(Topic<Long, V> topic, Integer partition, long timestamp,
                                                           Long key, V value) {
        return new ProducerRecord<>(topic.name(), partition, timestamp, key, value);
    }

    /**
     * The serializer refused the client's value: the request is at fault, not Kafka, so it is a 400 and the
     * circuit is left alone (counting it would let a few bad requests shut everyone's claims out).
     */
    private static ApiException unwritable(SerializationException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return ApiException.badRequest("the request holds a value that cannot be written as JSON: "
                + cause.getMessage().lines().findFirst().orElse(""));
    }

    /**
     * Runs {@code sends} on the transactional producer and commits, or aborts and rethrows; a value the serializer
     * refused aborts it as a 400 (see {@link #unwritable}).
     */
    private void inTransaction(Runnable sends) {
        blocklist.beginTransaction();
        try {
            sends.run();
            blocklist.commitTransaction();
            circuit.succeeded();
        } catch (SerializationException e) {
            abort();
            throw unwritable(e);
        } catch (KafkaException e) {
            circuit.failed();
            abort();
            throw e;
        }
    }

    private void abort() {
        try {
            blocklist.abortTransaction();
        } catch (KafkaException ignored) {
            // the transaction is lost either way; the caller answers 4xx or 503
        }
    }

    @Override
    public void close() {
        commands.close();
        blocklist.close();
    }
}

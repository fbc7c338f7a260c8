package io.coupon.ingest;

import io.coupon.contract.Topic;
import io.coupon.contract.config.KafkaConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the results topics and hands each answer to whoever waits for it. Every API instance reads all
 * partitions from the end, without a consumer group: answers are small and any instance may be the one that
 * asked. Two isolations: the decider's answers are read as soon as they are written ({@link Isolation#AS_WRITTEN}),
 * because the decider is a pure function of its committed input and a replay after a crash writes the same
 * answers again; steps that are not (the user-keyed step runs wall-clock timers) are read once committed.
 */
public final class OutcomeListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeListener.class);
    /** More than a batch wait's worth of answers: the wait, not the size, ends a batched fetch. */
    private static final int BATCH_BYTES = 4 << 20;

    /** When an answer is visible to this listener. */
    public enum Isolation {
        AS_WRITTEN("read_uncommitted"), COMMITTED("read_committed");

        private final String kafkaLevel;

        Isolation(String kafkaLevel) {
            this.kafkaLevel = kafkaLevel;
        }
    }

    /** One results topic, which of its records are answers, and what to do with each answer. */
    public record Subscription<T>(Topic<?, T> topic, Predicate<Headers> answers, Consumer<T> handler) {
        public Subscription(Topic<?, T> topic, Consumer<T> handler) {
            this(topic, headers -> true, handler);
        }

        void dispatch(ConsumerRecord<byte[], byte[]> record) {
            if (answers.test(record.headers())) {
                handler.accept(topic.values().deserializer().deserialize(topic.name(), record.headers(),
                        record.value()));
            }
        }
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Subscription<?>> subscriptions = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    public OutcomeListener(KafkaConnection kafka, Isolation isolation, String name,
                           List<Subscription<?>> subscriptions) {
        this(kafka, isolation, name, subscriptions, Duration.ZERO);
    }

    /**
     * @param batchWait zero: a fetch returns as soon as an answer lands; otherwise the broker holds each fetch
     *                  this long to gather answers, for a listener whose answers are a fallback (fewer fetches,
     *                  each answer up to this much later)
     */
    public OutcomeListener(KafkaConnection kafka, Isolation isolation, String name,
                           List<Subscription<?>> subscriptions, Duration batchWait) {
        Properties p = new Properties();
        p.putAll(kafka.properties());
        if (!batchWait.isZero() && !batchWait.isNegative()) {
            p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, BATCH_BYTES);
            p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) batchWait.toMillis());
        }
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation.kafkaLevel);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "coupon-api-" + name);
        // Kafka's fetch.max.wait.ms stays: a waiting fetch is answered as soon as an answer lands, and a shorter
        // wait only adds empty fetches (measured: a fifth of a core at idle across the platform's consumers).
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        subscriptions.forEach(s -> this.subscriptions.put(s.topic().name(), s));
        this.thread = new Thread(this::run, "outcome-listener-" + name);
        this.thread.setDaemon(true);
    }

    /** The consumer's own metrics, its lag among them, for the platform's registry to read. */
    public Map<MetricName, ? extends Metric> metrics() {
        return consumer.metrics();
    }

    /** Positions at the end of every partition before returning, so no outcome of a later request is missed. */
    public void start() {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : subscriptions.keySet()) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(tp -> consumer.position(tp, Duration.ofSeconds(30)));
        thread.start();
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    dispatch(record);
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            LOG.error("outcome listener stopped; requests will answer 202 until restart", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void dispatch(ConsumerRecord<byte[], byte[]> record) {
        try {
            subscriptions.get(record.topic()).dispatch(record);
        } catch (RuntimeException e) {
            LOG.warn("skipped unreadable outcome at {}-{}@{}", record.topic(), record.partition(), record.offset(), e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        if (thread.getState() == Thread.State.NEW) {
            consumer.close(Duration.ofSeconds(5));
        } else {
            thread.join(10_000);
        }
    }
}

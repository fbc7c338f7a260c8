package io.coupon.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every committed outcome (read_committed: an outcome is only seen once the stream's transaction that
 * made it, wallet write included, has committed) and hands it to whoever waits for it. Every API instance
 * reads all partitions from the end, without a consumer group: outcomes are small and any instance may be
 * the one that asked.
 */
public final class OutcomeListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeListener.class);

    /** One results topic and what to do with each of its values. */
    public record Subscription<T>(String topic, Deserializer<T> values, Consumer<T> handler) {
        void dispatch(byte[] bytes) {
            handler.accept(values.deserialize(topic, bytes));
        }
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, Subscription<?>> subscriptions = new HashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    public OutcomeListener(String bootstrapServers, List<Subscription<?>> subscriptions) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "coupon-api-outcomes");
        // Outcomes are waited for: don't let the broker hold a fetch for its default half second.
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        subscriptions.forEach(s -> this.subscriptions.put(s.topic(), s));
        this.thread = new Thread(this::run, "outcome-listener");
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
            subscriptions.get(record.topic()).dispatch(record.value());
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

package io.coupon.server;

import io.coupon.contract.Topic;
import io.coupon.contract.config.KafkaConnection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Everything committed to a topic so far, read once from its start: {@code read_committed}, up to the end each
 * partition had when the read began, without a consumer group (nothing is left behind on the cluster). For the
 * checks that compare the topics with MySQL and with the wallets.
 */
final class CommittedTopic {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private CommittedTopic() {
    }

    /** Hands every readable value to {@code each}, partition by partition in offset order; skips unreadable ones. */
    static <T> int readAll(KafkaConnection kafka, String clientId, Topic<?, T> topic, Consumer<T> each) {
        return readAll(kafka, clientId, topic, each, () -> true, Duration.ZERO);
    }

    /**
     * As {@link #readAll(KafkaConnection, String, Topic, Consumer)}, then goes on reading what is
     * committed after that end until {@code settled} holds or {@code settleTime} has passed: for a topic written
     * one hop downstream of another that was read first, whose last records may still be on their way.
     */
    static <T> int readAll(KafkaConnection kafka, String clientId, Topic<?, T> topic, Consumer<T> each,
                           BooleanSupplier settled, Duration settleTime) {
        Deserializer<T> values = topic.values().deserializer();
        Properties p = new Properties();
        p.putAll(kafka.properties());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        int unreadable = 0;
        try (KafkaConsumer<byte[], byte[]> consumer =
                     new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), TIMEOUT).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp, TIMEOUT) < end.get(tp))) {
                unreadable += pollOnce(consumer, values, each);
            }
            long settleBy = System.nanoTime() + settleTime.toNanos();
            while (!settled.getAsBoolean() && System.nanoTime() - settleBy < 0) {
                unreadable += pollOnce(consumer, values, each);
            }
        }
        return unreadable;
    }

    /** @return how many of the records polled could not be read */
    private static <T> int pollOnce(KafkaConsumer<byte[], byte[]> consumer, Deserializer<T> values, Consumer<T> each) {
        int unreadable = 0;
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            T value;
            try {
                value = values.deserialize(record.topic(), record.value());
            } catch (RuntimeException e) {
                unreadable++;
                continue;
            }
            if (value != null) {
                each.accept(value);
            }
        }
        return unreadable;
    }
}

package io.coupon.server;

import io.coupon.contract.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Reads a topic as an analyst would: every partition from the beginning, committed records only. Each call to
 * {@link #read} returns the records of one key that arrived since the previous call.
 */
final class TopicReader<V> implements AutoCloseable {

    private final KafkaConsumer<Long, V> consumer;

    TopicReader(String bootstrapServers, Topic<Long, V> topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(p, topic.keys().deserializer(), topic.values().deserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(10)).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    List<V> read(long key) {
        List<V> values = new ArrayList<>();
        for (ConsumerRecord<Long, V> record : consumer.poll(Duration.ofMillis(200))) {
            if (record.key() != null && record.key() == key) {
                values.add(record.value());
            }
        }
        return values;
    }

    @Override
    public void close() {
        consumer.close();
    }
}

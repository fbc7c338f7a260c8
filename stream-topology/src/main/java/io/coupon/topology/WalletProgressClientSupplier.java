package io.coupon.topology;

import io.coupon.contract.Topics;
import io.coupon.contract.WalletProgress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.streams.processor.internals.DefaultKafkaClientSupplier;

/**
 * Kafka Streams' own clients, except that the main consumer tells {@link WalletProgress} after every poll how
 * far it has fetched {@code wallet-commands}: the half of read-your-writes that only the consumer knows (its
 * position moves past transaction markers that no processor ever sees).
 */
public final class WalletProgressClientSupplier extends DefaultKafkaClientSupplier {

    private final WalletProgress progress;

    public WalletProgressClientSupplier(WalletProgress progress) {
        this.progress = progress;
    }

    @Override
    public Consumer<byte[], byte[]> getConsumer(Map<String, Object> config) {
        return new ReportingConsumer(config, progress);
    }

    private static final class ReportingConsumer extends KafkaConsumer<byte[], byte[]> {

        private final WalletProgress progress;

        ReportingConsumer(Map<String, Object> config, WalletProgress progress) {
            super(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            this.progress = progress;
        }

        @Override
        public ConsumerRecords<byte[], byte[]> poll(Duration timeout) {
            ConsumerRecords<byte[], byte[]> records = super.poll(timeout);
            for (TopicPartition partition : assignment()) {
                if (partition.topic().equals(Topics.WALLET_COMMANDS)) {
                    report(records, partition);
                }
            }
            return records;
        }

        private void report(ConsumerRecords<byte[], byte[]> records, TopicPartition partition) {
            List<ConsumerRecord<byte[], byte[]>> returned = records.records(partition);
            long last = returned.isEmpty() ? -1 : returned.get(returned.size() - 1).offset();
            long next;
            try {
                // Known positions are answered locally; an unknown one is not waited for on the stream thread.
                next = position(partition, Duration.ZERO);
            } catch (TimeoutException | IllegalStateException notYetKnown) {
                next = -1;
            }
            progress.fetched(partition.partition(), last, next);
        }
    }
}

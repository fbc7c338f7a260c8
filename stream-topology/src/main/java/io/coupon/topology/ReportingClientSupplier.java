package io.coupon.topology;

import io.coupon.contract.ClaimAnswers;
import io.coupon.contract.Topics;
import io.coupon.contract.WalletProgress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.processor.internals.DefaultKafkaClientSupplier;

/**
 * Kafka Streams' own clients, with two reports:
 * <ul>
 *   <li>the main consumer tells {@link WalletProgress} after every poll how far it has fetched
 *       {@code wallet-commands}: the half of read-your-writes that only the consumer knows (its position moves
 *       past transaction markers that no processor ever sees);</li>
 *   <li>the producer hands every claim answer it wrote ({@link ClaimAnswers}) to an {@link AnswerTap} once the
 *       broker has acknowledged it, so an API in the same process answers without fetching it back.</li>
 * </ul>
 */
public final class ReportingClientSupplier extends DefaultKafkaClientSupplier {

    /** Receives each claim answer the stream's producer wrote, on the producer's I/O thread: hand it on. */
    @FunctionalInterface
    public interface AnswerTap {
        AnswerTap NONE = (topic, value) -> { };

        void written(String topic, byte[] value);
    }

    private final WalletProgress progress;
    private final AnswerTap answers;

    public ReportingClientSupplier(WalletProgress progress, AnswerTap answers) {
        this.progress = progress;
        this.answers = answers;
    }

    @Override
    public Producer<byte[], byte[]> getProducer(Map<String, Object> config) {
        return answers == AnswerTap.NONE ? super.getProducer(config) : new TappedProducer(config, answers);
    }

    /**
     * Acknowledged means appended below the partition's high watermark (Streams' producer uses acks=all): a grant
     * answered from here is in the user's partition before its 201, as when the answer is fetched back.
     */
    private static final class TappedProducer extends KafkaProducer<byte[], byte[]> {

        private final AnswerTap answers;

        TappedProducer(Map<String, Object> config, AnswerTap answers) {
            super(config, new ByteArraySerializer(), new ByteArraySerializer());
            this.answers = answers;
        }

        @Override
        public Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            if (!answersAClaim(record)) {
                return super.send(record, callback);
            }
            return super.send(record, (metadata, error) -> {
                if (callback != null) {
                    callback.onCompletion(metadata, error);
                }
                if (error == null) {
                    answers.written(record.topic(), record.value());
                }
            });
        }

        private static boolean answersAClaim(ProducerRecord<byte[], byte[]> record) {
            return switch (record.topic()) {
                case Topics.CLAIM_RESULTS -> ClaimAnswers.answersOnClaimResults(record.headers());
                case Topics.WALLET_COMMANDS -> ClaimAnswers.answersOnWalletCommands(record.headers());
                default -> false;
            };
        }
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

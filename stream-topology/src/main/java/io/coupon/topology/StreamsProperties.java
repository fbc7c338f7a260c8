package io.coupon.topology;

import io.coupon.contract.config.KafkaConnection;
import io.coupon.contract.Topics;
import io.coupon.contract.config.StreamsSettings;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;

/** The one place Kafka Streams is configured. */
public final class StreamsProperties {

    private StreamsProperties() {
    }

    /**
     * @param applicationServer host:port other instances use to forward interactive queries here
     * @param replicationFactor of the changelog and repartition topics: follows the cluster
     * @param answeredInProcess the decisions are answered where they are made ({@code LocalAnswers}), so no
     *                          reader needs a record before its transaction commits
     */
    public static Properties of(StreamsSettings streams, KafkaConnection kafka, String applicationServer,
                                int replicationFactor, boolean answeredInProcess) {
        Properties p = new Properties();
        // Streams hands these to each of its clients (producer, consumers, admin).
        p.putAll(kafka.properties());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, streams.applicationId());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        p.put(StreamsConfig.STATE_DIR_CONFIG, streams.stateDir().toString());
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, streams.threads());
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, streams.commitInterval().toMillis());
        // An idle thread commits only when a poll returns: with Kafka's 100 ms poll a lone claim waited for the
        // next one, not for the commit interval. Polling at half the interval keeps the interval the bound.
        p.put(StreamsConfig.POLL_MS_CONFIG, Math.max(1, streams.commitInterval().toMillis() / 2));
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, streams.standbyReplicas());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        // Every internal name is ours: a generated one would change when the topology changes.
        p.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        // A record we cannot read is logged and skipped rather than stopping every claim behind it.
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        // The same for a readable record that breaks a processor (a command with a field missing).
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS);
        // Where decisions are answered in process, nobody reads a record before the commit that makes it visible,
        // so one sent sooner buys nothing: lingering past the commit interval lets the commit's flush carry the
        // interval's records in one produce request, instead of one every few milliseconds that costs the broker
        // about as much CPU as the claim that caused it. Elsewhere the API reads the decider's records as written,
        // and each one waiting in the producer is an answer waiting.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), answeredInProcess
                ? (int) Math.max(100, 2 * streams.commitInterval().toMillis()) : 5);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 1000);
        // The wallet task reads grants and redemptions of the same users; they need no timestamp alignment (a
        // redemption can only name a coupon whose grant was written before its 201), so never idle for it.
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
        // No fetch.max.wait.ms here: the broker answers a waiting fetch the moment a record (or a commit marker)
        // lands in one of its partitions, so a shorter wait buys no latency, only empty fetches at idle.
        // Our stores are not transactional stores, so the per-iteration walk over every task's stores that this
        // limit needs buys nothing; profiles showed it at a tenth of the stream thread's time.
        p.put(StreamsConfig.STATESTORE_UNCOMMITTED_MAX_BYTES_CONFIG, -1L);
        // A killed instance's partitions wait this long before another instance takes them: Kafka's 45 s default
        // would leave part of a flash sale unanswerable for most of a minute.
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG),
                (int) streams.sessionTimeout().toMillis());
        p.put(StreamsConfig.mainConsumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG),
                (int) Math.max(1000, streams.sessionTimeout().toMillis() / 3));
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
        p.put(BoundedRocksDbMemory.MEMORY_BYTES_CONFIG, Long.toString((long) streams.rocksDbMemoryMb() << 20));
        return p;
    }
}

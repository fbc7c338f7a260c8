package io.coupon.server;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.streams.KafkaStreams;

/**
 * UP only when this process can accept and decide requests: its stream (if it runs one) is RUNNING and the
 * Kafka cluster answers.
 */
final class Health {

    private final KafkaStreams streams;
    private final Admin admin;
    private final SinkHealth sink;

    /**
     * @param streams null when this process runs no stream
     * @param sink    null when this process runs no sink
     */
    Health(KafkaStreams streams, Admin admin, SinkHealth sink) {
        this.streams = streams;
        this.admin = admin;
        this.sink = sink;
    }

    /** What is not part of the status but an operator wants to see: the way out to MySQL. */
    Map<String, Object> details() {
        return sink == null ? Map.of() : sink.details();
    }

    /** Null when healthy, else why not. */
    String problem() {
        if (streams != null && streams.state() != KafkaStreams.State.RUNNING) {
            return "stream is " + streams.state();
        }
        try {
            admin.describeCluster(new DescribeClusterOptions().timeoutMs(1500)).nodes().get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "Kafka is unreachable";
        }
        return null;
    }
}

package io.coupon.server;

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

    /** @param streams null when this process runs no stream */
    Health(KafkaStreams streams, Admin admin) {
        this.streams = streams;
        this.admin = admin;
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

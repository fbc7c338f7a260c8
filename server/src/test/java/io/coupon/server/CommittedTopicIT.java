package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coupon.contract.Topic;
import io.coupon.contract.config.KafkaConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.Test;

/** Reading a topic to its end, and past it while a record one hop downstream is still on its way. */
class CommittedTopicIT {

    private static final KafkaConnection KAFKA = KafkaConnection.plain(TestCluster.bootstrapServers());

    @Test
    void aRecordCommittedAfterTheEndIsReadWhileTheReadWaitsForIt() throws Exception {
        Topic<String, String> topic = freshTopic();
        send(topic, "first");
        List<String> read = new ArrayList<>();

        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> send(topic, "late"),
                CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));
        CommittedTopic.readAll(KAFKA, "committed-topic-it", topic, read::add,
                () -> read.contains("late"), Duration.ofMinutes(1));
        late.join();

        assertEquals(List.of("first", "late"), read);
    }

    @Test
    void withoutAWaitTheReadStopsAtTheEndItFound() throws Exception {
        Topic<String, String> topic = freshTopic();
        send(topic, "first");
        List<String> read = new ArrayList<>();

        CommittedTopic.readAll(KAFKA, "committed-topic-it", topic, read::add);

        assertEquals(List.of("first"), read);
    }

    @Test
    void aWaitForWhatNeverComesEndsAtTheSettleTime() throws Exception {
        Topic<String, String> topic = freshTopic();
        send(topic, "first");
        List<String> read = new ArrayList<>();

        CommittedTopic.readAll(KAFKA, "committed-topic-it", topic, read::add,
                () -> false, Duration.ofSeconds(2));

        assertEquals(List.of("first"), read);
    }

    private static Topic<String, String> freshTopic() throws Exception {
        String topic = "committed-topic-it-" + Api.freshId();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestCluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        return new Topic<>(topic, Serdes.String(), Serdes.String());
    }

    private static void send(Topic<String, String> topic, String value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestCluster.bootstrapServers());
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(p, topic.keys().serializer(), topic.values().serializer())) {
            producer.send(new ProducerRecord<>(topic.name(), value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

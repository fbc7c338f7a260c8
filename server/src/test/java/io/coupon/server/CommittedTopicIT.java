package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Reading a topic to its end, and past it while a record one hop downstream is still on its way. */
class CommittedTopicIT {

    private static final KafkaConnection KAFKA = KafkaConnection.plain(TestCluster.bootstrapServers());

    @Test
    void aRecordCommittedAfterTheEndIsReadWhileTheReadWaitsForIt() throws Exception {
        String topic = freshTopic();
        send(topic, "first");
        List<String> read = new ArrayList<>();

        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> send(topic, "late"),
                CompletableFuture.delayedExecutor(2, TimeUnit.SECONDS));
        CommittedTopic.readAll(KAFKA, "committed-topic-it", topic, new StringDeserializer(), read::add,
                () -> read.contains("late"), Duration.ofMinutes(1));
        late.join();

        assertEquals(List.of("first", "late"), read);
    }

    @Test
    void withoutAWaitTheReadStopsAtTheEndItFound() throws Exception {
        String topic = freshTopic();
        send(topic, "first");
        List<String> read = new ArrayList<>();

        CommittedTopic.readAll(KAFKA, "committed-topic-it", topic, new StringDeserializer(), read::add);

        assertEquals(List.of("first"), read);
    }

    @Test
    void aWaitForWhatNeverComesEndsAtTheSettleTime() throws Exception {
        String topic = freshTopic();
        send(topic, "first");
        List<String> read = new ArrayList<>();

        CommittedTopic.readAll(KAFKA, "committed-topic-it", topic, new StringDeserializer(), read::add,
                () -> false, Duration.ofSeconds(2));

        assertEquals(List.of("first"), read);
    }

    private static String freshTopic() throws Exception {
        String topic = "committed-topic-it-" + Api.freshId();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestCluster.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        return topic;
    }

    private static void send(String topic, String value) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestCluster.bootstrapServers());
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

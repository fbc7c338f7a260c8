package io.coupon.topology;

import io.coupon.contract.Topic;
import io.coupon.contract.config.KafkaConnection;
import static io.coupon.domain.TemplateBuilder.aTemplate;
import static io.coupon.topology.TopologyFixture.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coupon.contract.Topics;
import io.coupon.contract.config.StreamsSettings;
import io.coupon.contract.message.BlockUser;
import io.coupon.contract.message.Claim;
import io.coupon.domain.ClaimStatus;
import io.coupon.domain.Stock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Records on claim-requests that are not valid commands, run with the production {@link StreamsProperties}
 * (exception handlers, dead-letter topic) except for the processing guarantee. Under exactly_once_v2 the
 * TopologyTestDriver loses a dead letter written for a record that was skipped before processing: the skip commits
 * no transaction, and the driver then calls {@code MockProducer.clear()}, which drops uncommitted sends too. A real
 * producer commits the dead letter with the next transaction, so at_least_once is the faithful setting here.
 */
class PoisonInputTest extends TopologyTest {

    private TestInputTopic<Long, byte[]> rawRequests;
    private TestOutputTopic<byte[], byte[]> deadLetters;

    @Override
    TopologyFixture fixture(Path stateDir) {
        return new TopologyFixture(productionProperties(stateDir), OPEN);
    }

    @BeforeEach
    void start() {
        // claim-requests as anyone might write it: any bytes at all
        rawRequests = topology.input(new Topic<>(Topics.CLAIM_REQUESTS, Serdes.Long(), Serdes.ByteArray()));
        deadLetters = topology.driver().createOutputTopic(Topics.DEAD_LETTERS, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        topology.define(aTemplate(42).totalCount(10).build());
    }

    @Test
    void unreadableCommandIsDeadLetteredAndLaterClaimsAreDecided() {
        rawRequests.pipeInput(42L, "{not json".getBytes(StandardCharsets.UTF_8), OPEN);

        assertEquals(ClaimStatus.GRANTED, topology.claim(42, 1001, "r-1").status());
        assertEquals(1, deadLetters.readRecordsToList().size());
    }

    @Test
    void commandOfUnknownTypeIsDeadLetteredAndLaterClaimsAreDecided() {
        rawRequests.pipeInput(42L, "{\"type\":\"Refund\",\"userId\":1}".getBytes(StandardCharsets.UTF_8), OPEN);

        assertEquals(ClaimStatus.GRANTED, topology.claim(42, 1001, "r-1").status());
        assertEquals(1, deadLetters.readRecordsToList().size());
    }

    @Test
    void claimWithoutRequestedAtIsDeadLetteredAndLaterClaimsAreDecided() {
        topology.send(42L, new Claim("r-0", 42, 1001, null), OPEN);

        assertEquals(List.of(), topology.claimResults());
        assertEquals(new Stock(10, 0), topology.stock(42));
        assertEquals(ClaimStatus.GRANTED, topology.claim(42, 1001, "r-1").status());
        assertEquals(1, deadLetters.readRecordsToList().size());
    }

    @Test
    void blockWithoutTimestampIsDeadLetteredAndLaterClaimsAreDecided() {
        topology.send(1001L, new BlockUser(1001, null), OPEN);

        assertEquals(ClaimStatus.GRANTED, topology.claim(42, 1002, "r-1").status());
        assertEquals(1, deadLetters.readRecordsToList().size());
    }

    private static Properties productionProperties(Path stateDir) {
        StreamsSettings settings = new StreamsSettings("poison-test-" + UUID.randomUUID(), 1,
                Duration.ofMillis(100), 0, TopologyFixture.RETENTION, Duration.ofMinutes(15), stateDir,
                Duration.ofSeconds(10), 64);
        Properties properties = StreamsProperties.of(settings, KafkaConnection.plain("dummy:9092"), "127.0.0.1:7070", 1, false);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
        return properties;
    }
}

package io.coupon.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.coupon.contract.message.Claim;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.ClaimStatus;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

/** Every topic our code reads or writes has one typed entry, written as the topic always was. */
class TopicCatalogTest {

    private static final Instant AT = Instant.parse("2026-12-03T16:39:53Z");

    @Test
    void everyTopicButTheDeadLettersIsCatalogued() throws IllegalAccessException {
        Set<String> catalogued = new TreeSet<>();
        for (Field field : TopicCatalog.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == Topic.class) {
                catalogued.add(((Topic<?, ?>) field.get(null)).name());
            }
        }
        Set<String> expected = new TreeSet<>(Topics.ALL.stream().map(Topics.Spec::name).toList());
        expected.removeAll(Set.of(Topics.DEAD_LETTERS, Topics.SINK_DEAD_LETTERS));

        assertEquals(expected, catalogued);
    }

    @Test
    void keysAreEightBigEndianBytes() {
        byte[] key = TopicCatalog.COUPON_EVENTS.keys().serializer().serialize(Topics.COUPON_EVENTS,
                0x0102030405060708L);

        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, key);
    }

    @Test
    void oneProducerWritesEachTopicInItsOwnEncoding() {
        Serializer<Object> values = Topic.valuesOf(List.of(TopicCatalog.CLAIM_REQUESTS, TopicCatalog.CLAIM_RESULTS));
        Claim claim = new Claim("r-1", 42, 7, AT);
        ClaimOutcome outcome = new ClaimOutcome("r-1", 42, 7, ClaimStatus.GRANTED, "42-1", AT.plusSeconds(60), AT);

        byte[] command = values.serialize(Topics.CLAIM_REQUESTS, claim);
        byte[] answer = values.serialize(Topics.CLAIM_RESULTS, outcome);

        assertEquals(':', (char) command[0], "Smile on a command topic");
        assertEquals(claim, TopicCatalog.CLAIM_REQUESTS.values().deserializer().deserialize(Topics.CLAIM_REQUESTS,
                command));
        assertEquals('{', (char) answer[0], "JSON text on a result topic");
        assertEquals(outcome, TopicCatalog.CLAIM_RESULTS.values().deserializer().deserialize(Topics.CLAIM_RESULTS,
                answer));
    }

    @Test
    void aProducerRefusesATopicItWasNotGiven() {
        Serializer<Object> values = Topic.valuesOf(List.of(TopicCatalog.CLAIM_REQUESTS));

        assertThrows(SerializationException.class, () -> values.serialize(Topics.COUPON_EVENTS, "anything"));
    }
}

package io.coupon.contract;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A topic as its writers and readers must agree on it: its name and how its keys and values are written. Typed,
 * so a producer, a consumer or a sink of the topology cannot pair a topic with another topic's message; the
 * topics themselves are in {@link TopicCatalog}.
 */
public record Topic<K, V>(String name, Serde<K> keys, Serde<V> values) {

    /**
     * The value serializer of one producer that writes several of these topics (a transaction may span them):
     * each value is written by the serde of the topic it is sent to. The producer still does the writing, so a
     * value that cannot be written fails its send as it would on a producer of one topic.
     */
    @SuppressWarnings("unchecked") // the sender paired each value with its topic through a Topic<K, V>
    public static Serializer<Object> valuesOf(List<? extends Topic<?, ?>> topics) {
        Map<String, Serializer<?>> byName = topics.stream()
                .collect(Collectors.toUnmodifiableMap(Topic::name, topic -> topic.values().serializer()));
        return (topic, value) -> {
            Serializer<Object> serializer = (Serializer<Object>) byName.get(topic);
            if (serializer == null) {
                throw new SerializationException("this producer does not write " + topic);
            }
            return serializer.serialize(topic, value);
        };
    }
}

package io.coupon.contract;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.smile.databind.SmileMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.coupon.domain.Audience;
import io.coupon.domain.AudienceParser;
import io.coupon.domain.InvalidRuleException;
import java.io.IOException;
import java.time.Instant;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The one place the mapping of everything on Kafka is defined, in two encodings of the same fields. What
 * analysts and other systems read (result topics, sources of truth) is JSON text: instants are ISO-8601 strings
 * and money is a plain decimal, so they read the topics without our classes. What only our own steps read (the
 * command topics of {@link Topics#COMPACT} and every state store) is Smile, Jackson's binary JSON, with instants
 * as nanoseconds since the epoch: the stream thread spent a third of its time writing and parsing JSON text, an
 * eighth formatting and parsing dates. Every deserializer reads both, so records and stores written as text
 * before still read.
 */
public final class JsonSerdes {

    private static final ObjectMapper MAPPER = newMapper();
    private static final ObjectMapper COMPACT = withPlatformSettings(SmileMapper.builder())
            .addModule(epochNanosModule())
            .build();
    /** Every Smile document written here starts with its header, {@code :)\n}; no JSON text starts with ':'. */
    private static final byte SMILE_HEADER_FIRST_BYTE = ':';
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private JsonSerdes() {
    }

    /** A fresh mapper with the platform's settings; the HTTP layer builds its own, stricter, from this one. */
    public static ObjectMapper newMapper() {
        return withPlatformSettings(JsonMapper.builder())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    private static <M extends ObjectMapper, B extends MapperBuilder<M, B>> B withPlatformSettings(B builder) {
        return builder
                .addModule(new JavaTimeModule())
                .addModule(new BlackbirdModule())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // 20.00 stays 20.00 when a value passes through a tree (views that add fields to a record)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .addModule(audienceModule());
    }

    /**
     * Audiences are written as the contract spells them ({@code {"all": [...]}}, {@code {"attr", "op", "value"}})
     * and read back through the same strict parser as requests, so a rule on a topic is always a valid rule.
     */
    private static SimpleModule audienceModule() {
        return module("audience", Audience.class, (value, gen) -> gen.writeObject(value.toTree()), (p, ctxt) -> {
            Object tree = p.readValueAs(Object.class);
            try {
                return AudienceParser.parse(tree);
            } catch (InvalidRuleException e) {
                throw ctxt.weirdStringException(String.valueOf(tree), Audience.class, e.getMessage());
            }
        });
    }

    /**
     * Instants in Smile as one number, nanoseconds since the epoch (exact until 2262): Jackson's own numeric form
     * is a decimal of seconds, parsed through BigDecimal, which cost as much as the ISO text it replaced.
     */
    private static SimpleModule epochNanosModule() {
        return module("epoch-nanos", Instant.class,
                (value, gen) -> gen.writeNumber(Math.addExact(Math.multiplyExact(value.getEpochSecond(),
                        NANOS_PER_SECOND), value.getNano())),
                (p, ctxt) -> {
                    long nanos = p.getLongValue();
                    return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND),
                            Math.floorMod(nanos, NANOS_PER_SECOND));
                });
    }

    private interface Writer<T> {
        void write(T value, JsonGenerator gen) throws IOException;
    }

    private interface Reader<T> {
        T read(JsonParser p, DeserializationContext ctxt) throws IOException;
    }

    /** A module that writes and reads one type its own way. */
    private static <T> SimpleModule module(String name, Class<T> type, Writer<T> writer, Reader<T> reader) {
        SimpleModule module = new SimpleModule(name);
        module.addSerializer(type, new JsonSerializer<>() {
            @Override
            public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                writer.write(value, gen);
            }
        });
        module.addDeserializer(type, new JsonDeserializer<>() {
            @Override
            public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                return reader.read(p, ctxt);
            }
        });
        return module;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A topic's serde: JSON text, or Smile on the command topics of {@link Topics#COMPACT}. Only
     * {@link TopicCatalog} asks, so every topic's serde is chosen there.
     */
    static <T> Serde<T> of(Class<T> type) {
        return Serdes.serdeFrom(serializer(), deserializer(type));
    }

    /** A state store's serde: always Smile (only our steps read stores and their changelogs). */
    public static <T> Serde<T> stored(Class<T> type) {
        return Serdes.serdeFrom(write(COMPACT), deserializer(type));
    }

    /** Writes a value for the topic it is sent to: Smile on the command topics, JSON text elsewhere. */
    private static <T> Serializer<T> serializer() {
        Serializer<T> text = write(MAPPER);
        Serializer<T> compact = write(COMPACT);
        return (topic, value) -> Topics.isCompact(topic) ? compact.serialize(topic, value)
                : text.serialize(topic, value);
    }

    private static <T> Serializer<T> write(ObjectMapper mapper) {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return mapper.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + value.getClass().getSimpleName(), e);
            }
        };
    }

    /** Reads JSON text or Smile, whichever the bytes are. */
    private static <T> Deserializer<T> deserializer(Class<T> type) {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                ObjectMapper mapper = bytes.length > 0 && bytes[0] == SMILE_HEADER_FIRST_BYTE ? COMPACT : MAPPER;
                return mapper.readValue(bytes, type);
            } catch (IOException e) {
                throw new SerializationException("not a " + type.getSimpleName() + " on " + topic, e);
            }
        };
    }
}

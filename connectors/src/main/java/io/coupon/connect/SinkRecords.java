package io.coupon.connect;

import io.coupon.contract.TopicCatalog;
import io.coupon.contract.Topics;
import io.coupon.contract.message.CouponEvent;
import io.coupon.domain.Template;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Reads one raw record (ByteArrayConverter: key and value are the bytes on the topic) into what it means for the
 * sink. A record that cannot be written as it is, is {@link Poison} with the reason, never an exception: the
 * batch carries on without it.
 */
final class SinkRecords {

    /** The widest values the columns take: DATETIME's years 1000..9999, DECIMAL(12,2) and (14,2). */
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    private static final BigDecimal DISCOUNT_LIMIT = BigDecimal.TEN.pow(10);
    private static final BigDecimal AMOUNT_LIMIT = BigDecimal.TEN.pow(12);
    private static final int ID_LENGTH = 64;

    private static final Deserializer<CouponEvent> EVENTS = TopicCatalog.COUPON_EVENTS.values().deserializer();
    private static final Deserializer<Template> TEMPLATES = TopicCatalog.COUPON_TEMPLATES.values().deserializer();

    sealed interface Parsed permits Event, Definition, Skip, Poison {
        SinkRecord record();
    }

    record Event(SinkRecord record, CouponEvent event) implements Parsed {
    }

    record Definition(SinkRecord record, Template template) implements Parsed {
    }

    /** Nothing to write, and nothing wrong: a tombstone on the compacted template topic. */
    record Skip(SinkRecord record) implements Parsed {
    }

    record Poison(SinkRecord record, String reason, Throwable cause) implements Parsed {
    }

    private SinkRecords() {
    }

    static Parsed parse(SinkRecord record) {
        try {
            return switch (record.topic()) {
                case Topics.COUPON_EVENTS -> event(record);
                case Topics.COUPON_TEMPLATES -> definition(record);
                default -> poison(record, "not a topic this sink reads");
            };
        } catch (RuntimeException e) {
            return new Poison(record, "unreadable " + record.topic() + " value: " + e.getMessage(), e);
        }
    }

    private static Parsed event(SinkRecord record) {
        byte[] value = bytes(record.value());
        if (value == null) {
            return poison(record, "a coupon event with no value");
        }
        CouponEvent e = EVENTS.deserialize(record.topic(), value);
        String problem = eventProblem(e, key(record.key()));
        return problem == null ? new Event(record, e) : poison(record, problem);
    }

    private static Parsed definition(SinkRecord record) {
        byte[] value = bytes(record.value());
        if (value == null) {
            return new Skip(record);
        }
        Template t = TEMPLATES.deserialize(record.topic(), value);
        String problem = templateProblem(t, key(record.key()));
        return problem == null ? new Definition(record, t) : poison(record, problem);
    }

    private static String eventProblem(CouponEvent e, Long key) {
        if (e == null) {
            return "a coupon event with no value";
        }
        if (key == null || key != e.userId()) {
            return "key " + key + " is not the event's userId " + e.userId() + " (the key is the user id as 8 bytes)";
        }
        if (blank(e.eventType())) {
            return "eventType is missing";
        }
        String id = idProblem("couponId", e.couponId(), true);
        if (id != null) {
            return id;
        }
        if (e.templateId() < 1) {
            return "templateId is missing";
        }
        if (e.status() == null) {
            return "status is missing";
        }
        if (e.version() < 1) {
            return "version is missing (versions start at 1)";
        }
        String instants = instantProblem("at", e.at(), true);
        if (instants == null) {
            instants = instantProblem("expiresAt", e.expiresAt(), true);
        }
        return instants != null ? instants : idProblem("orderId", e.orderId(), false);
    }

    private static String templateProblem(Template t, Long key) {
        if (key == null || key != t.id()) {
            return "key " + key + " is not the template's id " + t.id() + " (the key is the template id as 8 bytes)";
        }
        if (blank(t.name()) || t.name().length() > 255) {
            return "name is missing or longer than 255 characters";
        }
        if (t.type() == null) {
            return "type is missing";
        }
        if (t.discount() == null || t.discount().abs().compareTo(DISCOUNT_LIMIT) >= 0) {
            return "discount is missing or too large";
        }
        if (tooLarge(t.threshold()) || tooLarge(t.maxDiscount())) {
            return "threshold or maxDiscount too large";
        }
        String instants = instantProblem("startTime", t.startTime(), true);
        return instants != null ? instants : instantProblem("endTime", t.endTime(), true);
    }

    private static String idProblem(String field, String value, boolean required) {
        if (value == null) {
            return required ? field + " is missing" : null;
        }
        if (value.isBlank() || value.length() > ID_LENGTH) {
            return field + " must be 1 to " + ID_LENGTH + " characters";
        }
        return null;
    }

    private static String instantProblem(String field, Instant value, boolean required) {
        if (value == null) {
            return required ? field + " is missing" : null;
        }
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            return field + " " + value + " is outside what a DATETIME holds";
        }
        return null;
    }

    private static boolean tooLarge(BigDecimal amount) {
        return amount != null && amount.abs().compareTo(AMOUNT_LIMIT) >= 0;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The value as bytes: byte[] from ByteArrayConverter, or the text a StringConverter would give. */
    private static byte[] bytes(Object value) {
        if (value == null || value instanceof byte[]) {
            return (byte[]) value;
        }
        if (value instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8);
        }
        throw new IllegalArgumentException("expected raw bytes (ByteArrayConverter), got a "
                + value.getClass().getSimpleName());
    }

    /** The key as written by Kafka's LongSerializer, or null when it is not one. */
    private static Long key(Object key) {
        if (key instanceof byte[] b && b.length == Long.BYTES) {
            return ByteBuffer.wrap(b).getLong();
        }
        if (key instanceof Long l) {
            return l;
        }
        return null;
    }

    private static Poison poison(SinkRecord record, String reason) {
        return new Poison(record, reason, null);
    }
}

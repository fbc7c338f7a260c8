package io.coupon.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.coupon.contract.JsonSerdes;
import io.coupon.contract.TopicCatalog;
import io.coupon.contract.Topics;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Raw records as they sit on the topics: an 8-byte long key and the JSON that {@link JsonSerdes} writes. The
 * values are built as maps of the wire fields, so these tests read the wire format, not our record classes.
 */
final class Messages {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00.123Z");
    static final Instant EXPIRES = Instant.parse("2026-12-31T23:59:59Z");

    private static long nextOffset = 0;

    private Messages() {
    }

    static byte[] key(long id) {
        return TopicCatalog.COUPON_EVENTS.keys().serializer().serialize(Topics.COUPON_EVENTS, id);
    }

    /** Both topics the sink reads are JSON text, as the platform's mapper writes it. */
    static byte[] json(Map<String, ?> value) {
        try {
            return JsonSerdes.mapper().writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> eventFields(String type, String couponId, long userId, long templateId, String status,
                                           long version, Instant at, String orderId) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("eventType", type);
        e.put("couponId", couponId);
        e.put("userId", userId);
        e.put("templateId", templateId);
        e.put("status", status);
        e.put("version", version);
        e.put("at", at.toString());
        e.put("expiresAt", EXPIRES.toString());
        e.put("orderId", orderId);
        return e;
    }

    static SinkRecord event(Map<String, Object> fields) {
        return record(Topics.COUPON_EVENTS, key((Long) fields.get("userId")), json(fields), null);
    }

    static SinkRecord granted(String couponId, long userId, long templateId, Instant at) {
        return event(eventFields("GRANTED", couponId, userId, templateId, "UNUSED", 1, at, null));
    }

    static SinkRecord locked(String couponId, long userId, long templateId, Instant at, String orderId) {
        return event(eventFields("LOCKED", couponId, userId, templateId, "LOCKED", 2, at, orderId));
    }

    static SinkRecord used(String couponId, long userId, long templateId, Instant at, String orderId) {
        return event(eventFields("USED", couponId, userId, templateId, "USED", 3, at, orderId));
    }

    static SinkRecord cancelled(String couponId, long userId, long templateId, Instant at) {
        return event(eventFields("CANCELLED", couponId, userId, templateId, "UNUSED", 3, at, null));
    }

    static Map<String, Object> templateFields(long id, String name, String discount) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("id", id);
        t.put("name", name);
        t.put("type", "CASH");
        t.put("discount", new BigDecimal(discount));
        t.put("threshold", null);
        t.put("maxDiscount", null);
        t.put("totalCount", 1000);
        t.put("perUserLimit", 1);
        t.put("startTime", "2026-11-25T00:00:00Z");
        t.put("endTime", EXPIRES.toString());
        t.put("validDays", null);
        return t;
    }

    /** One experiment arm on the wire; {@code discount} null: the template's own. */
    static Map<String, Object> variant(String name, int weight, String discount) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", name);
        v.put("weight", weight);
        v.put("discount", discount == null ? null : new BigDecimal(discount));
        return v;
    }

    static SinkRecord template(Map<String, Object> fields, long timestamp) {
        return record(Topics.COUPON_TEMPLATES, key((Long) fields.get("id")), json(fields), timestamp);
    }

    static SinkRecord tombstone(long templateId) {
        return record(Topics.COUPON_TEMPLATES, key(templateId), null, null);
    }

    static SinkRecord record(String topic, byte[] key, byte[] value, Long timestamp) {
        return new SinkRecord(topic, 0, null, key, null, value, nextOffset++, timestamp,
                timestamp == null ? TimestampType.NO_TIMESTAMP_TYPE : TimestampType.CREATE_TIME);
    }
}

package io.coupon.connect;

import io.coupon.contract.message.CouponEvent;
import io.coupon.domain.CouponStatus;
import io.coupon.domain.Template;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * The rows one {@code put()} writes: at most one per coupon, grouped by shard, and at most one per template.
 *
 * <p>Of several events of one coupon, the one with the highest version wins (the first of equal versions, as the
 * database keeps the row it has on an equal version). The acquire time is the earliest {@code at} among them:
 * GRANTED is every coupon's first event, so once it has been seen, here or in MySQL, the acquire time is its
 * {@code at}; until then a later event's {@code at} stands in. The use time is the {@code at} of the event that
 * made the coupon USED. {@code locked_until} stays empty: coupon events do not carry the lock deadline.
 */
final class CouponBatch {

    /** One coupon row to upsert, and the records folded into it (for the dead-letter queue if it cannot land). */
    record CouponRow(String couponId, long userId, long templateId, CouponStatus status, Instant acquireTime,
                     Instant useTime, String orderId, Instant expiresAt, Instant lockedUntil, long version,
                     Instant updatedAt, List<SinkRecord> sources, String variant) {

        int shard() {
            return ShardRouter.shardOf(userId);
        }
    }

    /** One template row to upsert; {@code updatedAt} is the record's timestamp. */
    record TemplateRow(Template template, Instant updatedAt, List<SinkRecord> sources) {
    }

    private record CouponKey(long userId, String couponId) {
    }

    private final Map<CouponKey, CouponRow> coupons = new LinkedHashMap<>();
    private final Map<Long, TemplateRow> templates = new LinkedHashMap<>();

    void add(SinkRecord record, CouponEvent e) {
        CouponKey key = new CouponKey(e.userId(), e.couponId());
        CouponRow held = coupons.get(key);
        List<SinkRecord> sources = new ArrayList<>(held == null ? List.of() : held.sources());
        sources.add(record);
        CouponRow row;
        if (held == null || e.version() > held.version()) {
            Instant acquired = held == null || e.at().isBefore(held.acquireTime()) ? e.at() : held.acquireTime();
            row = new CouponRow(e.couponId(), e.userId(), e.templateId(), e.status(), acquired,
                    e.status() == CouponStatus.USED ? e.at() : null, e.orderId(), e.expiresAt(), null, e.version(),
                    e.at(), sources, e.variant() != null ? e.variant() : held == null ? null : held.variant());
        } else {
            Instant acquired = e.at().isBefore(held.acquireTime()) ? e.at() : held.acquireTime();
            row = new CouponRow(held.couponId(), held.userId(), held.templateId(), held.status(), acquired,
                    held.useTime(), held.orderId(), held.expiresAt(), held.lockedUntil(), held.version(),
                    held.updatedAt(), sources, held.variant() != null ? held.variant() : e.variant());
        }
        coupons.put(key, row);
    }

    /** A later definition of the same template replaces an earlier one: the topic is compacted, last one wins. */
    void add(SinkRecord record, Template t, Instant updatedAt) {
        TemplateRow held = templates.get(t.id());
        List<SinkRecord> sources = new ArrayList<>(held == null ? List.of() : held.sources());
        sources.add(record);
        templates.put(t.id(), new TemplateRow(t, updatedAt, sources));
    }

    /** The coupon rows by shard, shards ascending. */
    Map<Integer, List<CouponRow>> couponsByShard() {
        Map<Integer, List<CouponRow>> byShard = new TreeMap<>();
        for (CouponRow row : coupons.values()) {
            byShard.computeIfAbsent(row.shard(), s -> new ArrayList<>()).add(row);
        }
        return byShard;
    }

    List<TemplateRow> templates() {
        return List.copyOf(templates.values());
    }

    boolean isEmpty() {
        return coupons.isEmpty() && templates.isEmpty();
    }
}

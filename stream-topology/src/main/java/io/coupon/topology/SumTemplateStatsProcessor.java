package io.coupon.topology;

import io.coupon.contract.Keys;
import io.coupon.contract.Stores;
import io.coupon.contract.message.TemplateStats;
import io.coupon.domain.StatsMinute;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The analysts' per-minute statistics: adds each decision and confirmed use the decider hands it (a retry's
 * replayed answer is not a decision) into its template's open minute, by event time with a grace period for
 * late records, and publishes a minute once it closes, by stream time or by the wall clock, whichever comes
 * first: a quiet partition's stream time stands still, and its last minute must not wait for the next record. A
 * published minute leaves the store in the same transaction, and a record of it that arrives later is dropped
 * as too late, so no minute is published twice. The minutes are kept in a key-value store, which keeps its
 * changelog position even while empty, so a clean restart never has to rebuild it.
 */
final class SumTemplateStatsProcessor implements Processor<Long, TemplateStats, Long, TemplateStats> {

    /** How often closed minutes are looked for: a minute is published at most this long after its grace. */
    static final Duration CLOSE_CHECK = Duration.ofSeconds(1);
    /** Open minutes kept decoded per task: one or two per active template. */
    private static final int OPEN_MINUTES = 10_000;

    private ProcessorContext<Long, TemplateStats> context;
    private KeyValueStore<String, TemplateStats> minutes;
    /** The open minutes, decoded: a flash sale adds to the same one on every claim. */
    private DecodedValues<String, TemplateStats> openMinutes;

    @Override
    public void init(ProcessorContext<Long, TemplateStats> context) {
        this.context = context;
        minutes = context.getStateStore(Stores.TEMPLATE_MINUTES_STORE);
        openMinutes = new DecodedValues<>(minutes, OPEN_MINUTES, true);
        context.schedule(CLOSE_CHECK, PunctuationType.WALL_CLOCK_TIME, ignored -> publishClosedMinutes());
        context.schedule(CLOSE_CHECK, PunctuationType.STREAM_TIME, ignored -> publishClosedMinutes());
    }

    @Override
    public void process(Record<Long, TemplateStats> record) {
        StatsMinute minute = StatsMinute.containing(Instant.ofEpochMilli(record.timestamp()));
        if (minute.closedAt(now())) {
            return;
        }
        String key = Keys.expiryIndex(minute.closesAt(), Long.toString(record.key()));
        TemplateStats held = openMinutes.get(key);
        TemplateStats sum = held != null ? held : TemplateStats.empty().inWindow(record.key(), minute.start(),
                minute.end());
        openMinutes.put(key, sum.plus(record.value()));
    }

    /** The store is in closing order, so only the minutes that closed are read. */
    private void publishClosedMinutes() {
        String bound = Keys.expiryIndexBound(now().plusMillis(1));
        try (KeyValueIterator<String, TemplateStats> closed = minutes.range(null, bound)) {
            while (closed.hasNext()) {
                KeyValue<String, TemplateStats> entry = closed.next();
                TemplateStats stats = entry.value;
                context.forward(new Record<>(stats.templateId(), stats, stats.windowEnd().toEpochMilli()));
                openMinutes.delete(entry.key);
            }
        }
    }

    private Instant now() {
        return Instant.ofEpochMilli(Math.max(context.currentStreamTimeMs(), context.currentSystemTimeMs()));
    }
}

package io.coupon.topology;

import io.coupon.contract.JsonSerdes;
import io.coupon.contract.Stores;
import io.coupon.contract.Topics;
import io.coupon.contract.message.CouponEvent;
import io.coupon.contract.message.TemplateStats;
import io.coupon.domain.ClaimOutcome;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.Suppressed;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.WindowStore;

/**
 * The analysts' per-minute statistics: every claim outcome and every confirmed use, counted per template in a
 * tumbling one-minute window (by event time) with a grace period for late records, and published once, when the
 * window closes. Named throughout, in the DSL.
 */
final class TemplateStatsTopology {

    static final Duration WINDOW = Duration.ofMinutes(1);
    /** How late (in event time) a claim or use may arrive and still count in its minute. */
    static final Duration GRACE = Duration.ofSeconds(10);

    private TemplateStatsTopology() {
    }

    static void addTo(StreamsBuilder builder) {
        Serde<Long> ids = Serdes.Long();
        Serde<TemplateStats> stats = JsonSerdes.of(TemplateStats.class);

        KStream<Long, TemplateStats> claims = builder
                .stream(Topics.CLAIM_RESULTS,
                        Consumed.with(ids, JsonSerdes.claimOutcome()).withName("claim-results-stats-source"))
                .mapValues((ClaimOutcome outcome) -> TemplateStats.empty().withClaim(outcome), Named.as("count-claim"));

        KStream<Long, TemplateStats> uses = builder
                .stream(Topics.COUPON_EVENTS,
                        Consumed.with(ids, JsonSerdes.couponEvent()).withName("coupon-events-stats-source"))
                .filter((user, event) -> event.used(), Named.as("keep-uses"))
                .map((user, event) -> KeyValue.pair(event.templateId(), TemplateStats.empty().withRedemption(event)),
                        Named.as("count-use-by-template"))
                .repartition(Repartitioned.<Long, TemplateStats>as("uses-by-template")
                        .withKeySerde(ids).withValueSerde(stats));

        claims.merge(uses, Named.as("merge-stats"))
                .groupByKey(Grouped.<Long, TemplateStats>as("stats-by-template")
                        .withKeySerde(ids).withValueSerde(stats))
                .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW, GRACE))
                .aggregate(TemplateStats::empty, (template, delta, total) -> total.plus(delta),
                        Named.as("sum-stats"),
                        Materialized.<Long, TemplateStats, WindowStore<Bytes, byte[]>>as(Stores.TEMPLATE_STATS_STORE)
                                .withKeySerde(ids).withValueSerde(stats))
                .suppress(Suppressed.untilWindowCloses(Suppressed.BufferConfig.unbounded())
                        .withName("until-window-closes"))
                .toStream(Named.as("closed-windows"))
                .map((window, total) -> KeyValue.pair(window.key(), total.inWindow(window.key(),
                        window.window().startTime(), window.window().endTime())), Named.as("stamp-window"))
                .to(Topics.TEMPLATE_STATS, Produced.with(ids, stats).withName("template-stats-sink"));
    }
}

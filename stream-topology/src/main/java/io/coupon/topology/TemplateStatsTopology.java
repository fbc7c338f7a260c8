package io.coupon.topology;

import io.coupon.contract.JsonSerdes;
import io.coupon.contract.Stores;
import io.coupon.contract.Topics;
import io.coupon.contract.message.TemplateStats;
import io.coupon.domain.ClaimOutcome;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;

/**
 * The analysts' per-minute statistics: every claim decision and every confirmed use, counted per template in
 * a one-minute window (by event time) with a grace period for late records, and published once, when the
 * minute closes ({@link SumTemplateStatsProcessor}). A retry's replayed answer is not a decision and is not
 * counted. The minutes are kept in a key-value store, which keeps its changelog position even while empty, so
 * a clean restart never has to rebuild it.
 */
final class TemplateStatsTopology {

    private TemplateStatsTopology() {
    }

    static void addTo(StreamsBuilder builder) {
        Serde<Long> ids = Serdes.Long();
        Serde<TemplateStats> stats = JsonSerdes.of(TemplateStats.class);

        KStream<Long, TemplateStats> claims = builder
                .stream(Topics.CLAIM_RESULTS,
                        Consumed.with(ids, JsonSerdes.claimOutcome()).withName("claim-results-stats-source"))
                .filterNot((template, outcome) -> outcome.replayed(), Named.as("skip-replays"))
                .mapValues((ClaimOutcome outcome) -> TemplateStats.empty().withClaim(outcome), Named.as("count-claim"));

        KStream<Long, TemplateStats> uses = builder
                .stream(Topics.COUPON_EVENTS,
                        Consumed.with(ids, JsonSerdes.couponEvent()).withName("coupon-events-stats-source"))
                .filter((user, event) -> event.used(), Named.as("keep-uses"))
                .map((user, event) -> KeyValue.pair(event.templateId(), TemplateStats.empty().withRedemption(event)),
                        Named.as("count-use-by-template"))
                .repartition(Repartitioned.<Long, TemplateStats>as("uses-by-template")
                        .withKeySerde(ids).withValueSerde(stats));

        builder.addStateStore(org.apache.kafka.streams.state.Stores.keyValueStoreBuilder(
                        org.apache.kafka.streams.state.Stores.persistentKeyValueStore(Stores.TEMPLATE_MINUTES_STORE),
                        Serdes.String(), stats)
                .withCachingEnabled());
        claims.merge(uses, Named.as("merge-stats"))
                .process(SumTemplateStatsProcessor::new, Named.as("sum-stats"), Stores.TEMPLATE_MINUTES_STORE)
                .to(Topics.TEMPLATE_STATS, Produced.with(ids, stats).withName("template-stats-sink"));
    }
}

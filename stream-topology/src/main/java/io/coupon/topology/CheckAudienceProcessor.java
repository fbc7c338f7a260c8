package io.coupon.topology;

import io.coupon.contract.Stores;
import io.coupon.contract.message.AudienceCheck;
import io.coupon.contract.message.Claim;
import io.coupon.domain.Profile;
import io.coupon.domain.ProfileFacts;
import io.coupon.domain.UserStats;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Judges a claim of a template with an audience where the user's profile and stats live, at the instant the
 * claim was accepted, and sends it back to the template's decider marked inside or outside. Nothing is taken
 * here: the decider still applies the window, the blocklist, the limit and the stock, in its order.
 */
final class CheckAudienceProcessor implements Processor<Long, AudienceCheck, Long, Claim> {

    private ProcessorContext<Long, Claim> context;
    private KeyValueStore<Long, Profile> profiles;
    private KeyValueStore<Long, UserStats> stats;

    @Override
    public void init(ProcessorContext<Long, Claim> context) {
        this.context = context;
        profiles = context.getStateStore(Stores.PROFILE_STORE);
        stats = context.getStateStore(Stores.USER_STATS_STORE);
    }

    @Override
    public void process(Record<Long, AudienceCheck> record) {
        Claim claim = record.value().claim();
        boolean inside = ProfileFacts.inside(record.value().audience(), profiles.get(claim.userId()),
                stats.get(claim.userId()), claim.requestedAt());
        context.forward(record.withKey(claim.templateId()).withValue(claim.judged(inside)),
                ClaimTopology.CLAIM_REQUESTS_SINK);
    }
}

package io.coupon.topology;

import io.coupon.contract.Stores;
import io.coupon.contract.message.ProfileResult;
import io.coupon.contract.message.UserProfile;
import io.coupon.domain.Profile;
import io.coupon.domain.UserStats;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Copies a profile PUT from {@code user-profiles} (the source of truth) into {@code profile-store}, next to the
 * user's wallet and stats, then answers it: the API's 200 waits for this answer, so every claim decided after it
 * sees the new profile.
 */
final class StoreProfileProcessor implements Processor<Long, UserProfile, Long, ProfileResult> {

    private ProcessorContext<Long, ProfileResult> context;
    private KeyValueStore<Long, Profile> profiles;
    private KeyValueStore<Long, UserStats> stats;

    @Override
    public void init(ProcessorContext<Long, ProfileResult> context) {
        this.context = context;
        profiles = context.getStateStore(Stores.PROFILE_STORE);
        stats = context.getStateStore(Stores.USER_STATS_STORE);
    }

    @Override
    public void process(Record<Long, UserProfile> record) {
        UserProfile put = record.value();
        if (put == null) {
            if (record.key() != null) {
                profiles.delete(record.key()); // a tombstone an operator wrote to forget a user
            }
            return;
        }
        profiles.put(put.userId(), put.profile());
        ProfileResult result = new ProfileResult(put.requestId(), put.userId(), put.profile(),
                stats.get(put.userId()));
        context.forward(record.withKey(put.userId()).withValue(result), ClaimTopology.PROFILE_RESULTS_SINK);
    }
}

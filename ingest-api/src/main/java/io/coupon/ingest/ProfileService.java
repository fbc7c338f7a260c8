package io.coupon.ingest;

import io.coupon.contract.message.ProfileResult;
import io.coupon.contract.message.UserProfile;
import io.coupon.domain.Profile;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Writes profiles to their source of truth and answers once the user's partition has stored them, so a claim
 * made after the answer is judged against the new profile.
 */
public final class ProfileService {

    private final CommandPublisher publisher;
    private final PendingReplies<ProfileResult> pending;
    private final Duration wait;
    private final Clock clock;

    public ProfileService(CommandPublisher publisher, PendingReplies<ProfileResult> pending, Duration wait,
                          Clock clock) {
        this.publisher = publisher;
        this.pending = pending;
        this.wait = wait;
        this.clock = clock;
    }

    /** The stored profile, or empty when it is durable but was not stored within the wait. */
    public CompletableFuture<Optional<ProfileResult>> put(long userId, Profile profile) {
        String requestId = RequestIds.next();
        UserProfile put = new UserProfile(requestId, userId, profile, clock.instant());
        return pending.submit(requestId, () -> publisher.send(put), wait, false, "profile")
                .thenApply(Optional::ofNullable);
    }

    public void stored(ProfileResult result) {
        pending.complete(result.requestId(), result);
    }
}

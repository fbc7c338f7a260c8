package io.coupon.query;

import io.coupon.contract.message.ExperimentTally;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.ClaimState;
import io.coupon.domain.IssuanceProgress;
import io.coupon.domain.Wallet;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Typed reads of the topology's stores, wherever the key lives. Each fails with a 503
 * {@link io.coupon.contract.http.ApiException} when no instance can answer for the key right now, rather than
 * answering from state that may be stale.
 */
public interface StoreReader {

    CompletableFuture<Optional<TemplateSnapshot>> template(long templateId);

    CompletableFuture<Wallet> wallet(long userId);

    CompletableFuture<Optional<ClaimOutcome>> claim(long templateId, String requestId);

    /** What the decider would see of this user's claim now (nothing is decided); empty for an unknown template. */
    CompletableFuture<Optional<ClaimState>> claimState(long templateId, long userId);

    /** The user's profile (null if never PUT) and stats (null if none yet), from the user's partition. */
    CompletableFuture<ProfileSnapshot> profile(long userId);

    CompletableFuture<Optional<IssuanceProgress>> issuance(long templateId, String issuanceId);

    CompletableFuture<Optional<ExperimentTally>> experiment(long templateId);
}

package io.coupon.query;

import io.coupon.domain.ClaimOutcome;
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
}

package io.coupon.query;

import io.coupon.contract.Keys;
import io.coupon.contract.Stores;
import io.coupon.contract.http.ApiException;
import io.coupon.contract.message.ExperimentTally;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.ClaimState;
import io.coupon.domain.IssuanceProgress;
import io.coupon.domain.Stock;
import io.coupon.domain.Template;
import io.coupon.domain.Wallet;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.query.KeyQuery;
import org.apache.kafka.streams.query.QueryResult;
import org.apache.kafka.streams.query.StateQueryRequest;
import org.apache.kafka.streams.query.StateQueryResult;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Finds the instance that owns a key ({@link KafkaStreams#queryMetadataForKey}) and reads there: in this
 * process with an interactive query pinned to the key's partition and to the active copy, or over HTTP on the
 * owner. A request that was already forwarded is answered locally or refused, never forwarded twice.
 *
 * <p>While partitions move (an instance died or joined), the owner may be unknown, still restoring, or gone; the
 * read is tried again, against whoever owns the key by then, until {@code retryFor} has passed, and only then
 * answered 503 with {@code Retry-After}. Only the active copy is ever read, so a stale standby is never
 * presented as the current state.
 */
public final class OwnerRoutedReader implements StoreReader {

    private static final LongSerializer IDS = new LongSerializer();
    private static final long RETRY_PAUSE_MILLIS = 200;
    private static final Duration DEFAULT_RETRY_FOR = Duration.ofSeconds(3);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final InternalCalls client;
    private final Duration timeout;
    private final boolean alreadyForwarded;
    private final Duration retryFor;
    private final WalletCatchUp walletCatchUp;

    /** @param walletCatchUp makes a wallet read wait for the grants answered before it began */
    public OwnerRoutedReader(KafkaStreams streams, HostInfo self, InternalCalls client, Duration timeout,
                             WalletCatchUp walletCatchUp) {
        this(streams, self, client, timeout, false, DEFAULT_RETRY_FOR, walletCatchUp);
    }

    private OwnerRoutedReader(KafkaStreams streams, HostInfo self, InternalCalls client, Duration timeout,
                              boolean alreadyForwarded, Duration retryFor, WalletCatchUp walletCatchUp) {
        this.walletCatchUp = walletCatchUp;
        this.streams = streams;
        this.self = self;
        this.client = client;
        this.timeout = timeout;
        this.alreadyForwarded = alreadyForwarded;
        this.retryFor = retryFor;
    }

    /** The same reader for a request that an instance forwarded here. */
    public OwnerRoutedReader localOnly() {
        // The instance that forwarded here does the retrying: answer at once, so it can ask the new owner.
        return new OwnerRoutedReader(streams, self, client, timeout, true, Duration.ZERO, walletCatchUp);
    }

    @Override
    public CompletableFuture<Optional<TemplateSnapshot>> template(long templateId) {
        return route(Stores.TEMPLATE_STORE, templateId, partition -> {
            Template template = localGet(Stores.TEMPLATE_STORE, templateId, partition);
            if (template == null) {
                return Optional.empty();
            }
            Stock stock = localGet(Stores.STOCK_STORE, templateId, partition);
            return Optional.of(new TemplateSnapshot(template, stock));
        }, remote -> remote.template(templateId));
    }

    @Override
    public CompletableFuture<Wallet> wallet(long userId) {
        return routeAsync(Stores.WALLET_STORE, userId, partition -> walletCatchUp.await(partition, userId).thenApply(ignored -> {
            Wallet wallet = localGet(Stores.WALLET_STORE, userId, partition);
            return wallet == null ? Wallet.empty() : wallet;
        }), remote -> remote.wallet(userId));
    }

    @Override
    public CompletableFuture<Optional<ClaimOutcome>> claim(long templateId, String requestId) {
        return route(Stores.IDEMPOTENCY_STORE, templateId,
                partition -> Optional.ofNullable(
                        localGet(Stores.IDEMPOTENCY_STORE, Keys.templateRequest(templateId, requestId), partition)),
                remote -> remote.claim(templateId, requestId));
    }

    @Override
    public CompletableFuture<Optional<ClaimState>> claimState(long templateId, long userId) {
        return route(Stores.TEMPLATE_STORE, templateId, partition -> {
            Template template = localGet(Stores.TEMPLATE_STORE, templateId, partition);
            if (template == null) {
                return Optional.<ClaimState>empty();
            }
            Integer held = localGet(Stores.CLAIM_COUNT_STORE, Keys.templateUser(templateId, userId), partition);
            Long blocked = localGet(Stores.BLOCKLIST_STORE, userId, partition);
            return Optional.of(new ClaimState(template, localGet(Stores.STOCK_STORE, templateId, partition),
                    held == null ? 0 : held, blocked != null, null));
        }, remote -> remote.claimState(templateId, userId));
    }

    @Override
    public CompletableFuture<ProfileSnapshot> profile(long userId) {
        return route(Stores.PROFILE_STORE, userId, partition -> new ProfileSnapshot(
                        localGet(Stores.PROFILE_STORE, userId, partition),
                        localGet(Stores.USER_STATS_STORE, userId, partition)),
                remote -> remote.profile(userId));
    }

    @Override
    public CompletableFuture<Optional<IssuanceProgress>> issuance(long templateId, String issuanceId) {
        return route(Stores.ISSUANCE_PROGRESS_STORE, templateId, partition -> Optional.ofNullable(localGet(
                        Stores.ISSUANCE_PROGRESS_STORE, Keys.templateRequest(templateId, issuanceId), partition)),
                remote -> remote.issuance(templateId, issuanceId));
    }

    @Override
    public CompletableFuture<Optional<ExperimentTally>> experiment(long templateId) {
        return route(Stores.EXPERIMENT_REPORT_STORE, templateId,
                partition -> Optional.ofNullable(localGet(Stores.EXPERIMENT_REPORT_STORE, templateId, partition)),
                remote -> remote.experiment(templateId));
    }

    /** Stores of one partition are keyed differently, but all are found by the key the topic is partitioned on. */
    private <T> CompletableFuture<T> route(String store, long partitionKey, Function<Integer, T> local,
                                           Function<StoreReader, CompletableFuture<T>> remote) {
        return routeAsync(store, partitionKey, partition -> {
            try {
                return CompletableFuture.completedFuture(local.apply(partition));
            } catch (ApiException e) {
                return CompletableFuture.failedFuture(e);
            }
        }, remote);
    }

    private <T> CompletableFuture<T> routeAsync(String store, long partitionKey,
                                                Function<Integer, CompletableFuture<T>> local,
                                                Function<StoreReader, CompletableFuture<T>> remote) {
        return routeUntil(store, partitionKey, local, remote, System.nanoTime() + retryFor.toNanos());
    }

    private <T> CompletableFuture<T> routeUntil(String store, long partitionKey,
                                                Function<Integer, CompletableFuture<T>> local,
                                                Function<StoreReader, CompletableFuture<T>> remote, long deadline) {
        return routeOnce(store, partitionKey, local, remote).handle((value, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(value);
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error;
            boolean ownerMoving = cause instanceof ApiException api && api.status() == 503;
            if (!ownerMoving || System.nanoTime() - deadline >= 0) {
                return CompletableFuture.<T>failedFuture(cause);
            }
            Executor later = CompletableFuture.delayedExecutor(RETRY_PAUSE_MILLIS, TimeUnit.MILLISECONDS);
            return CompletableFuture.runAsync(() -> { }, later)
                    .thenCompose(ignored -> routeUntil(store, partitionKey, local, remote, deadline));
        }).thenCompose(next -> next);
    }

    private <T> CompletableFuture<T> routeOnce(String store, long partitionKey,
                                               Function<Integer, CompletableFuture<T>> local,
                                               Function<StoreReader, CompletableFuture<T>> remote) {
        KeyQueryMetadata owner;
        try {
            owner = streams.queryMetadataForKey(store, partitionKey, IDS);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(rebalancing());
        }
        if (owner == null || owner == KeyQueryMetadata.NOT_AVAILABLE || owner.activeHost().port() < 0) {
            return CompletableFuture.failedFuture(rebalancing());
        }
        if (owner.activeHost().equals(self)) {
            return local.apply(owner.partition());
        }
        if (alreadyForwarded) {
            return CompletableFuture.failedFuture(rebalancing());
        }
        String url = "http://" + owner.activeHost().host() + ":" + owner.activeHost().port();
        return remote.apply(new RemoteReader(client, url, true, timeout));
    }

    private <K, V> V localGet(String store, K key, int partition) {
        StateQueryRequest<V> request = StateQueryRequest.inStore(store)
                .withQuery(KeyQuery.<K, V>withKey(key))
                .withPartitions(Set.of(partition))
                .requireActive();
        QueryResult<V> result;
        try {
            StateQueryResult<V> answer = streams.query(request);
            result = answer.getPartitionResults().get(partition);
        } catch (RuntimeException e) {
            throw rebalancing();
        }
        if (result == null || result.isFailure()) {
            throw rebalancing();
        }
        return result.getResult();
    }

    private static ApiException rebalancing() {
        return ApiException.unavailable("the owner of this key is moving between instances; retry shortly");
    }
}

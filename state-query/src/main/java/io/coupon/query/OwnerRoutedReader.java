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
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
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
 */
public final class OwnerRoutedReader implements StoreReader {

    private static final LongSerializer IDS = new LongSerializer();

    private final KafkaStreams streams;
    private final HostInfo self;
    private final HttpClient client;
    private final Duration timeout;
    private final boolean alreadyForwarded;

    public OwnerRoutedReader(KafkaStreams streams, HostInfo self, HttpClient client, Duration timeout) {
        this(streams, self, client, timeout, false);
    }

    private OwnerRoutedReader(KafkaStreams streams, HostInfo self, HttpClient client, Duration timeout,
                              boolean alreadyForwarded) {
        this.streams = streams;
        this.self = self;
        this.client = client;
        this.timeout = timeout;
        this.alreadyForwarded = alreadyForwarded;
    }

    /** The same reader for a request that an instance forwarded here. */
    public OwnerRoutedReader localOnly() {
        return new OwnerRoutedReader(streams, self, client, timeout, true);
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
        return route(Stores.WALLET_STORE, userId, partition -> {
            Wallet wallet = localGet(Stores.WALLET_STORE, userId, partition);
            return wallet == null ? Wallet.empty() : wallet;
        }, remote -> remote.wallet(userId));
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
            try {
                return CompletableFuture.completedFuture(local.apply(owner.partition()));
            } catch (ApiException e) {
                return CompletableFuture.failedFuture(e);
            }
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

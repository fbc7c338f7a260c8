package io.coupon.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coupon.contract.JsonSerdes;
import io.coupon.contract.http.ApiException;
import io.coupon.contract.http.PathParams;
import io.coupon.contract.message.ExperimentTally;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.ClaimState;
import io.coupon.domain.IssuanceProgress;
import io.coupon.domain.Wallet;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Reads from another instance's internal endpoints, asynchronously and with a timeout. Used to reach the
 * owner of a key, and by API-only processes to reach the stream instances: given several, it moves on to the
 * next when one does not answer, so an API instance keeps answering while a stream instance is down.
 */
public final class RemoteReader implements StoreReader {

    /** Marks a request that was already forwarded once: its receiver answers locally or not at all. */
    public static final String FORWARDED_HEADER = "X-Coupon-Forwarded";

    private static final ObjectMapper JSON = JsonSerdes.mapper();

    private final InternalCalls client;
    private final List<String> baseUrls;
    private final boolean markForwarded;
    private final Duration timeout;

    public RemoteReader(InternalCalls client, String baseUrl, boolean markForwarded, Duration timeout) {
        this(client, List.of(baseUrl), markForwarded, timeout);
    }

    public RemoteReader(InternalCalls client, List<String> baseUrls, boolean markForwarded, Duration timeout) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("no instance to read from");
        }
        this.client = client;
        this.baseUrls = List.copyOf(baseUrls);
        this.markForwarded = markForwarded;
        this.timeout = timeout;
    }

    @Override
    public CompletableFuture<Optional<TemplateSnapshot>> template(long templateId) {
        return get("/internal/v1/templates/" + templateId, TemplateSnapshot.class);
    }

    @Override
    public CompletableFuture<Wallet> wallet(long userId) {
        return get("/internal/v1/wallets/" + userId, Wallet.class).thenApply(w -> w.orElseGet(Wallet::empty));
    }

    @Override
    public CompletableFuture<Optional<ClaimOutcome>> claim(long templateId, String requestId) {
        return get("/internal/v1/templates/" + templateId + "/claims/" + PathParams.segment(requestId),
                ClaimOutcome.class);
    }

    @Override
    public CompletableFuture<Optional<ClaimState>> claimState(long templateId, long userId) {
        return get("/internal/v1/templates/" + templateId + "/users/" + userId + "/claim-state", ClaimState.class);
    }

    @Override
    public CompletableFuture<ProfileSnapshot> profile(long userId) {
        return get("/internal/v1/profiles/" + userId, ProfileSnapshot.class)
                .thenApply(p -> p.orElse(new ProfileSnapshot(null, null)));
    }

    @Override
    public CompletableFuture<Optional<IssuanceProgress>> issuance(long templateId, String issuanceId) {
        return get("/internal/v1/templates/" + templateId + "/issuances/" + PathParams.segment(issuanceId),
                IssuanceProgress.class);
    }

    @Override
    public CompletableFuture<Optional<ExperimentTally>> experiment(long templateId) {
        return get("/internal/v1/templates/" + templateId + "/experiment", ExperimentTally.class);
    }

    private <T> CompletableFuture<Optional<T>> get(String path, Class<T> type) {
        return get(path, type, 0);
    }

    /** An instance that is down or cannot answer now (503) hands the read to the next one, if there is one. */
    private <T> CompletableFuture<Optional<T>> get(String path, Class<T> type, int attempt) {
        HttpRequest.Builder request = client.get(baseUrls.get(attempt) + path, timeout);
        if (markForwarded) {
            request.header(FORWARDED_HEADER, "1");
        }
        boolean last = attempt + 1 == baseUrls.size();
        return client.send(request)
                .handle((response, error) -> {
                    if (error == null && (response.statusCode() != 503 || last)) {
                        return CompletableFuture.completedFuture(read(response, type));
                    }
                    if (last) {
                        throw new CompletionException(
                                ApiException.unavailable("the instance that owns this key did not answer"));
                    }
                    return this.<T>get(path, type, attempt + 1);
                })
                .thenCompose(next -> next);
    }

    private static <T> Optional<T> read(HttpResponse<byte[]> response, Class<T> type) {
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new CompletionException(
                    ApiException.unavailable("the instance that owns this key cannot answer right now"));
        }
        try {
            return Optional.of(JSON.readValue(response.body(), type));
        } catch (IOException e) {
            throw new CompletionException(ApiException.unavailable("unreadable answer from the owning instance"));
        }
    }
}

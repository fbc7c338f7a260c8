package io.coupon.query;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The reads one instance asks of another ({@code /internal/v1/*}), on the instances' shared HTTP client. Each
 * carries the instances' shared secret when one is set, which is how an instance tells them from a request from
 * outside.
 */
public final class InternalCalls {

    /** The header an internal read carries the shared secret in. */
    public static final String SECRET_HEADER = "X-Coupon-Internal";

    private final HttpClient client;
    private final String secret;

    /** @param secret {@code COUPON_INTERNAL_SECRET}, or null when none is set */
    public InternalCalls(HttpClient client, String secret) {
        this.client = client;
        this.secret = secret;
    }

    HttpRequest.Builder get(String url, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET();
        if (secret != null) {
            request.header(SECRET_HEADER, secret);
        }
        return request;
    }

    CompletableFuture<HttpResponse<byte[]>> send(HttpRequest.Builder request) {
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}

package io.coupon.query;

import io.coupon.contract.LocalAnswers;
import io.coupon.contract.WalletProgress;
import io.coupon.contract.config.HttpSettings;
import io.coupon.domain.Template;
import io.javalin.config.RoutesConfig;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiPredicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The read side, assembled: where a read is answered (this instance's stores, routed to the key's owner, or, in
 * an API-only process, the stream instances it is given) and the routes that answer it.
 */
public final class QueryApi {

    private final StoreReader reader;
    private final OwnerRoutedReader ownReader;
    private final TemplateCatalog catalog;
    private final Clock clock;

    private QueryApi(StoreReader reader, OwnerRoutedReader ownReader, TemplateCatalog catalog, Clock clock) {
        this.reader = reader;
        this.ownReader = ownReader;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Reads of this instance's stream, each routed to the instance that owns its key. */
    public static QueryApi ofStream(HttpSettings http, KafkaStreams streams, Admin admin, WalletProgress progress,
                                    LocalAnswers answers, Clock clock) {
        InternalCalls calls = internalCalls(http);
        HostInfo self = HostInfo.buildFromEndpoint(http.advertisedServer());
        OwnerRoutedReader own = new OwnerRoutedReader(streams, self, calls, http.forwardTimeout(),
                new WalletCatchUp(admin, progress, answers, http.walletCatchUp()));
        return new QueryApi(own, own, TemplateCatalog.ofStreams(streams, self, calls, http.forwardTimeout()), clock);
    }

    /** An API-only process: every read goes to the stream instances of {@code COUPON_QUERY_URL}. */
    public static QueryApi remote(HttpSettings http, Clock clock) {
        InternalCalls calls = internalCalls(http);
        return new QueryApi(new RemoteReader(calls, http.queryUrls(), false, http.remoteReadTimeout()), null,
                TemplateCatalog.remote(calls, http.queryUrls(), http.remoteReadTimeout()), clock);
    }

    private static InternalCalls internalCalls(HttpSettings http) {
        return new InternalCalls(HttpClient.newBuilder().connectTimeout(http.forwardTimeout()).build(),
                http.internalSecret());
    }

    /** A template as the stream holds it, for the write side's checks. */
    public CompletableFuture<Optional<Template>> template(long templateId) {
        return reader.template(templateId).thenApply(snapshot -> snapshot.map(TemplateSnapshot::template));
    }

    public TemplateCatalog catalog() {
        return catalog;
    }

    /**
     * The read routes: wallets, templates, claims, profiles and the template list.
     *
     * @param undecidedClaim whether this instance accepted a claim and has not seen it decided
     */
    public void register(RoutesConfig routes, BiPredicate<Long, String> undecidedClaim) {
        new QueryRoutes(reader, ownReader, undecidedClaim, clock).register(routes);
        new MarketingQueryRoutes(reader, ownReader, clock).register(routes);
        new TemplateListRoutes(catalog, clock).register(routes);
    }
}

package io.coupon.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.coupon.contract.JsonSerdes;
import io.coupon.contract.Stores;
import io.coupon.contract.http.ApiException;
import io.coupon.domain.Stock;
import io.coupon.domain.Template;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Every template with its live stock, across the instances. Templates are spread over the partitions of
 * {@code claim-requests}, so a stream instance reads the active copies of its own partitions and asks every
 * other stream instance for theirs (marked as forwarded: "only your own"), then merges the answers. An API-only
 * process asks its query instance, which does the same. Like the other reads, it answers 503 rather than a
 * partial list when an instance cannot answer.
 */
public final class TemplateCatalog {

    private static final ObjectMapper JSON = JsonSerdes.mapper();
    /** The internal endpoint that answers a {@link TemplateListing}. */
    public static final String INTERNAL_PATH = "/internal/v1/templates";

    private final KafkaStreams streams;
    private final HostInfo self;
    private final List<String> queryUrls;
    private final InternalCalls client;
    private final Duration timeout;

    private TemplateCatalog(KafkaStreams streams, HostInfo self, List<String> queryUrls, InternalCalls client,
                            Duration timeout) {
        this.streams = streams;
        this.self = self;
        this.queryUrls = queryUrls;
        this.client = client;
        this.timeout = timeout;
    }

    /** The catalog of a stream instance: its own stores, and the other instances over HTTP. */
    public static TemplateCatalog ofStreams(KafkaStreams streams, HostInfo self, InternalCalls client, Duration timeout) {
        return new TemplateCatalog(streams, self, List.of(), client, timeout);
    }

    /** The catalog of an API-only process: what the first stream instance that answers says. */
    public static TemplateCatalog remote(InternalCalls client, List<String> queryUrls, Duration timeout) {
        return new TemplateCatalog(null, null, List.copyOf(queryUrls), client, timeout);
    }

    /** Whether this process holds templates itself (and so serves the internal endpoint). */
    public boolean hasLocalStores() {
        return streams != null;
    }

    /** The first {@link TemplateListing#LIMIT} templates by id of the whole system. */
    public CompletableFuture<TemplateListing> all() {
        return page(TemplatePage.FIRST);
    }

    /** One page of the templates of the whole system, by id. */
    public CompletableFuture<TemplateListing> page(TemplatePage page) {
        if (streams == null) {
            return fetchFirstAnswering(0, page);
        }
        TemplateListing local;
        List<HostInfo> others = new ArrayList<>();
        try {
            local = local(page);
            for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
                HostInfo host = instance.hostInfo();
                if (!host.equals(self) && host.port() >= 0 && instance.stateStoreNames().contains(Stores.TEMPLATE_STORE)) {
                    others.add(host);
                }
            }
        } catch (ApiException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(rebalancing());
        }
        List<CompletableFuture<TemplateListing>> answers = new ArrayList<>();
        answers.add(CompletableFuture.completedFuture(local));
        for (HostInfo host : others) {
            answers.add(fetch("http://" + host.host() + ":" + host.port(), true, page));
        }
        return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .thenApply(done -> TemplateListing.merge(answers.stream().map(CompletableFuture::join).toList(),
                        page.limit()));
    }

    /**
     * The templates of the partitions this instance owns (active copies only), the first of the page by id: a
     * range read from the page's first id, which stops once the page is full.
     */
    public TemplateListing local(TemplatePage page) {
        if (streams == null) {
            throw new IllegalStateException("an API-only process holds no templates");
        }
        if (!hostsTemplates()) {
            return new TemplateListing(List.of(), false);
        }
        try {
            ReadOnlyKeyValueStore<Long, Template> templates = store(Stores.TEMPLATE_STORE);
            ReadOnlyKeyValueStore<Long, Stock> stocks = store(Stores.STOCK_STORE);
            // Each partition's store yields its keys in order (ids are positive, so their big-endian bytes sort as
            // the numbers do) but the partitions' runs are not merged: keep the page's smallest ids of them all.
            TreeMap<Long, Template> first = new TreeMap<>();
            boolean truncated = false;
            try (KeyValueIterator<Long, Template> all = templates.range(page.afterId() + 1, Long.MAX_VALUE)) {
                while (all.hasNext()) {
                    KeyValue<Long, Template> next = all.next();
                    first.put(next.key, next.value);
                    if (first.size() > page.limit()) {
                        first.pollLastEntry();
                        truncated = true;
                    }
                }
            }
            List<TemplateSnapshot> snapshots = new ArrayList<>(first.size());
            for (Template template : first.values()) {
                Stock stock = stocks.get(template.id());
                if (stock != null) { // both are written in one transaction; absent only mid-restore
                    snapshots.add(new TemplateSnapshot(template, stock));
                }
            }
            return TemplateListing.of(snapshots, truncated, page.limit());
        } catch (InvalidStateStoreException e) {
            throw rebalancing();
        }
    }

    /** Whether this instance holds active template partitions right now (an instance may hold none). */
    private boolean hostsTemplates() {
        try {
            return streams.metadataForAllStreamsClients().stream()
                    .filter(instance -> instance.hostInfo().equals(self))
                    .anyMatch(instance -> instance.stateStoreNames().contains(Stores.TEMPLATE_STORE));
        } catch (RuntimeException e) {
            throw rebalancing();
        }
    }

    private <V> ReadOnlyKeyValueStore<Long, V> store(String name) {
        return streams.store(StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<Long, V>keyValueStore()));
    }

    private CompletableFuture<TemplateListing> fetchFirstAnswering(int attempt, TemplatePage page) {
        CompletableFuture<TemplateListing> answer = fetch(queryUrls.get(attempt), false, page);
        if (attempt + 1 == queryUrls.size()) {
            return answer;
        }
        return answer.handle((listing, error) -> error == null ? CompletableFuture.completedFuture(listing)
                : fetchFirstAnswering(attempt + 1, page)).thenCompose(next -> next);
    }

    private CompletableFuture<TemplateListing> fetch(String baseUrl, boolean forwarded, TemplatePage page) {
        HttpRequest.Builder request = client.get(baseUrl + INTERNAL_PATH + "?after=" + page.afterId()
                + "&limit=" + page.limit(), timeout);
        if (forwarded) {
            request.header(RemoteReader.FORWARDED_HEADER, "1");
        }
        return client.send(request)
                .handle((response, error) -> {
                    if (error != null || response.statusCode() != 200) {
                        throw new CompletionException(ApiException.unavailable(
                                "an instance holding templates did not answer; retry shortly"));
                    }
                    try {
                        return JSON.readValue(response.body(), TemplateListing.class);
                    } catch (IOException e) {
                        throw new CompletionException(
                                ApiException.unavailable("unreadable template list from another instance"));
                    }
                });
    }

    private static ApiException rebalancing() {
        return ApiException.unavailable("templates are moving between instances; retry shortly");
    }
}

package io.coupon.server;

import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

/**
 * The platform's registry, with a curated set of Kafka's client and Streams metrics read when {@code /metrics}
 * is scraped, and only then. Binding all of Kafka's metrics (thousands: per partition, per task, per store) made
 * every scrape megabytes long and had the binder walk them all on the claim path's threads; the few below are
 * what the alerts and the dashboard use.
 */
final class KafkaMetricsAtScrape extends PrometheusMeterRegistry {

    /** A Kafka metric by group and name, kept when its tags are exactly {@code tag}. */
    private record Curated(String group, String name, String tag, String meter, String description) {
    }

    private static final List<Curated> CURATED = List.of(
            new Curated("stream-thread-metrics", "process-rate", "thread-id", "kafka.stream.thread.process.rate",
                    "Records a stream thread processes per second"),
            new Curated("stream-thread-metrics", "commit-rate", "thread-id", "kafka.stream.thread.commit.rate",
                    "Commits (transactions) of a stream thread per second"),
            new Curated("stream-thread-metrics", "commit-latency-avg", "thread-id",
                    "kafka.stream.thread.commit.latency.avg", "Average milliseconds a stream thread's commit takes"),
            new Curated("consumer-fetch-manager-metrics", "records-lag-max", "client-id",
                    "kafka.consumer.fetch.manager.records.lag.max", "The largest lag of a consumer's partitions"),
            new Curated("producer-metrics", "record-send-rate", "client-id", "kafka.producer.record.send.rate",
                    "Records a producer sends per second"),
            new Curated("producer-metrics", "record-error-rate", "client-id", "kafka.producer.record.error.rate",
                    "Records per second whose send failed"));

    private final List<Supplier<Map<MetricName, ? extends Metric>>> sources = new CopyOnWriteArrayList<>();
    private final List<MultiGauge> gauges = new ArrayList<>();

    KafkaMetricsAtScrape() {
        super(PrometheusConfig.DEFAULT);
        for (Curated curated : CURATED) {
            gauges.add(MultiGauge.builder(curated.meter()).description(curated.description()).register(this));
        }
    }

    /** A client's (or a KafkaStreams instance's) metrics, read at every scrape from now on. */
    void watch(Supplier<Map<MetricName, ? extends Metric>> metrics) {
        sources.add(metrics);
    }

    @Override
    public String scrape() {
        refresh();
        return super.scrape();
    }

    private synchronized void refresh() {
        List<List<MultiGauge.Row<?>>> rows = new ArrayList<>();
        CURATED.forEach(ignored -> rows.add(new ArrayList<>()));
        for (Supplier<Map<MetricName, ? extends Metric>> source : sources) {
            for (Map.Entry<MetricName, ? extends Metric> entry : source.get().entrySet()) {
                MetricName name = entry.getKey();
                for (int i = 0; i < CURATED.size(); i++) {
                    Curated curated = CURATED.get(i);
                    if (curated.name().equals(name.name()) && curated.group().equals(name.group())
                            && name.tags().size() == 1 && name.tags().containsKey(curated.tag())
                            && entry.getValue().metricValue() instanceof Number value) {
                        rows.get(i).add(MultiGauge.Row.of(
                                Tags.of(curated.tag().replace('-', '_'), name.tags().get(curated.tag())),
                                value.doubleValue()));
                    }
                }
            }
        }
        for (int i = 0; i < gauges.size(); i++) {
            gauges.get(i).register(rows.get(i), true);
        }
    }
}

package io.coupon.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/** What the Connect worker gives a task, reduced to what the sink uses: a reporter that keeps what it is given. */
final class TestSinkContext implements SinkTaskContext {

    record Reported(SinkRecord record, Throwable error) {
    }

    /** A real {@link ErrantRecordReporter}: it collects instead of producing to a dead-letter topic. */
    static final class CollectingReporter implements ErrantRecordReporter {
        final List<Reported> reported = new ArrayList<>();

        @Override
        public Future<Void> report(SinkRecord record, Throwable error) {
            reported.add(new Reported(record, error));
            return CompletableFuture.completedFuture(null);
        }
    }

    final CollectingReporter reporter;
    long timeoutMs = -1;

    TestSinkContext(CollectingReporter reporter) {
        this.reporter = reporter;
    }

    @Override
    public Map<String, String> configs() {
        return Map.of();
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
    }

    @Override
    public void offset(TopicPartition tp, long offset) {
    }

    @Override
    public void timeout(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Set.of();
    }

    @Override
    public void pause(TopicPartition... partitions) {
    }

    @Override
    public void resume(TopicPartition... partitions) {
    }

    @Override
    public void requestCommit() {
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return reporter;
    }

    @Override
    public PluginMetrics pluginMetrics() {
        return null;
    }
}

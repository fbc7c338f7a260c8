package io.coupon.connect;

import io.coupon.connect.SinkRecords.Definition;
import io.coupon.connect.SinkRecords.Event;
import io.coupon.connect.SinkRecords.Parsed;
import io.coupon.connect.SinkRecords.Poison;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes {@code coupon-events} into the shard tables and {@code coupon-templates} into {@code coupon_template}.
 *
 * <p>Each {@code put()} reads its records ({@link SinkRecords}), folds them into one row per coupon and template
 * ({@link CouponBatch}), and writes one multi-row upsert per shard ({@link CouponWriter}). The schema is applied
 * before the first write, and again after any failure.
 *
 * <p>Failures: a record that cannot be read or written goes to the dead-letter queue through the errant record
 * reporter, with the reason, once the rest of the batch has landed (logged and skipped when the worker has no
 * reporter). When MySQL cannot be reached the task throws {@link RetriableException}: Connect keeps the offsets
 * where they are and hands the same batch back after {@value #RETRY_BACKOFF_MS} ms, so nothing is lost.
 * {@code flush} has nothing to do: {@code put} returns only after the rows are committed.
 */
public class CouponSinkTask extends SinkTask {

    static final long RETRY_BACKOFF_MS = 1_000;

    private static final Logger log = LoggerFactory.getLogger(CouponSinkTask.class);

    private CouponSinkConfig config;
    private ShardPools pools;
    private CouponWriter writer;
    private ErrantRecordReporter reporter;
    private boolean schemaApplied;

    @Override
    public String version() {
        return CouponSinkConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new CouponSinkConfig(props);
        ShardMap shards = config.shardMap();
        pools = new ShardPools(shards, config.user(), config.password(), "coupon-sink");
        writer = new CouponWriter(pools);
        reporter = errantRecordReporter();
        schemaApplied = false;
        log.info("coupon sink writing to {}{}", shards,
                reporter == null ? "; no dead-letter queue: poison records are logged and skipped" : "");
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        CouponBatch batch = new CouponBatch();
        List<Poison> poison = new ArrayList<>();
        for (SinkRecord record : records) {
            Parsed parsed = SinkRecords.parse(record);
            if (parsed instanceof Event e) {
                batch.add(record, e.event());
            } else if (parsed instanceof Definition d) {
                Long ts = record.timestamp();
                batch.add(record, d.template(), ts == null ? Instant.now() : Instant.ofEpochMilli(ts));
            } else if (parsed instanceof Poison p) {
                poison.add(p);
            }
        }
        if (!batch.isEmpty()) {
            try {
                applySchema();
                for (CouponWriter.Failure f : writer.write(batch)) {
                    f.records().forEach(r -> poison.add(new Poison(r, f.reason(), f.cause())));
                }
            } catch (SQLException e) {
                schemaApplied = false;
                log.warn("MySQL write failed, Connect will redeliver the batch of {} records in {} ms: {}",
                        records.size(), RETRY_BACKOFF_MS, e.toString());
                if (context != null) {
                    context.timeout(RETRY_BACKOFF_MS);
                }
                throw new RetriableException("MySQL unavailable: " + e.getMessage(), e);
            }
        }
        // only after the writes: a retried batch must not reach the dead-letter queue twice
        poison.forEach(this::report);
    }

    @Override
    public void stop() {
        if (pools != null) {
            pools.close();
            pools = null;
        }
    }

    private void applySchema() throws SQLException {
        if (schemaApplied) {
            return;
        }
        ShardMap shards = pools.shards();
        for (String url : shards.urls()) {
            try {
                CouponSchema.createDatabase(url, config.user(), config.password());
            } catch (SQLException e) {
                if (e.getSQLState() != null && e.getSQLState().startsWith("08")) {
                    throw e; // the server is away: no point trying the tables
                }
                // e.g. no CREATE privilege on an existing database; the tables tell whether it matters
                log.warn("could not create the database of {}: {}", JdbcUrl.redacted(url), e.getMessage());
            }
            try (Connection c = pools.forUrl(url).getConnection()) {
                CouponSchema.createTables(c, url.equals(shards.templateUrl()), shards.shardsOn(url));
            }
        }
        schemaApplied = true;
    }

    private void report(Poison p) {
        SinkRecord r = p.record();
        DataException error = new DataException(p.reason(), p.cause());
        if (reporter == null) {
            log.error("skipping poison record {}-{}@{}: {}", r.topic(), r.kafkaPartition(), r.kafkaOffset(),
                    p.reason());
            return;
        }
        reporter.report(r, error);
    }

    /** Null without a context, or on a worker older than Kafka 2.6 (no errant record reporter there). */
    private ErrantRecordReporter errantRecordReporter() {
        if (context == null) {
            return null;
        }
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return null;
        }
    }
}

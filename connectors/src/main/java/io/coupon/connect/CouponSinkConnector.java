package io.coupon.connect;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * Sinks {@code coupon-events} and {@code coupon-templates} into sharded MySQL ({@link CouponSinkTask}). Scale with
 * {@code tasks.max}: every task gets the same settings and Connect spreads the partitions.
 *
 * <p>Run it with {@code key.converter} and {@code value.converter} set to
 * {@code org.apache.kafka.connect.converters.ByteArrayConverter}: the task reads the raw JSON itself. Settings:
 * {@code topics=coupon-events,coupon-templates} and those of {@link CouponSinkConfig}. For poison records to reach
 * a dead-letter topic, set {@code errors.tolerance=all} and {@code errors.deadletterqueue.topic.name} (plus
 * {@code errors.deadletterqueue.context.headers.enable=true} to carry the reason in headers).
 */
public class CouponSinkConnector extends SinkConnector {

    public static final String VERSION = "0.1.0";

    private Map<String, String> props;

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        new CouponSinkConfig(props).shardMap(); // fail at start, naming the bad setting
        this.props = Collections.unmodifiableMap(new HashMap<>(props));
    }

    @Override
    public Class<? extends Task> taskClass() {
        return CouponSinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, props);
    }

    @Override
    public void stop() {
        props = null;
    }

    @Override
    public ConfigDef config() {
        return CouponSinkConfig.CONFIG_DEF;
    }
}

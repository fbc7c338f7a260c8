package io.coupon.server;

import io.coupon.contract.config.MysqlSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;

/**
 * How the way out to MySQL is doing. Reported in {@code /health} details, never as the service's status:
 * claims are decided and kept in Kafka whether or not MySQL is there, and the sink catches up when it returns.
 */
final class SinkHealth {

    private final EmbeddedConnectWorker sink;
    private final MysqlSettings mysql;

    SinkHealth(EmbeddedConnectWorker sink, MysqlSettings mysql) {
        this.sink = sink;
        this.mysql = mysql;
    }

    Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("mysql", reachable() ? "UP" : "DOWN: " + mysql.url() + " is unreachable; the sink will catch up");
        try {
            ConnectorStateInfo status = sink.status();
            details.put("sink", status.connector().state());
            details.put("sinkTasks", status.tasks().stream().map(t -> t.state()).toList());
        } catch (RuntimeException e) {
            details.put("sink", "UNKNOWN");
        }
        return details;
    }

    private boolean reachable() {
        Properties props = new Properties();
        props.put("user", mysql.user());
        props.put("password", mysql.password());
        props.put("connectTimeout", "1000");
        String serverUrl = mysql.url().replaceFirst("(jdbc:[a-z]+://[^/]+)/.*", "$1/");
        try (Connection c = DriverManager.getConnection(serverUrl, props)) {
            return c.isValid(1);
        } catch (Exception e) {
            return false;
        }
    }
}

package io.coupon.server;

import io.coupon.contract.config.KafkaConnection;
import io.coupon.contract.Topics;
import io.coupon.contract.config.MysqlSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.internals.Exit;
import org.apache.kafka.connect.cli.ConnectStandalone;
import org.apache.kafka.connect.runtime.Connect;
import org.apache.kafka.connect.runtime.Herder;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorInfo;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.standalone.StandaloneHerder;
import org.apache.kafka.connect.util.FutureCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka Connect worker in this process, running the MySQL sink connector exactly as an operator's Connect
 * cluster would: its progress is the consumer group {@code connect-coupon-mysql-sink}, so a restart resumes
 * where it stopped, and records it cannot write go to the {@link Topics#SINK_DEAD_LETTERS} topic.
 */
final class EmbeddedConnectWorker implements AutoCloseable {

    static final String CONNECTOR = "coupon-mysql-sink";
    static final String CONNECTOR_CLASS = "io.coupon.connect.CouponSinkConnector";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedConnectWorker.class);

    private final Map<String, String> worker = new HashMap<>();
    private final Map<String, String> connector = new HashMap<>();
    private Connect<StandaloneHerder> connect;

    EmbeddedConnectWorker(KafkaConnection kafka, Path dataDir, MysqlSettings mysql, int replicationFactor) {
        worker.put("bootstrap.servers", kafka.bootstrapServers());
        // The worker's own clients take the settings as they are; the sink's consumer and the admin client the
        // worker makes for it take them under their prefixes.
        kafka.clientSettings().forEach((name, value) -> {
            worker.put(name, value);
            worker.put("consumer." + name, value);
            worker.put("producer." + name, value);
            worker.put("admin." + name, value);
        });
        worker.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        worker.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        worker.put("offset.storage.file.filename", dataDir.resolve("connect").resolve("offsets").toString());
        worker.put("listeners", "http://127.0.0.1:" + mysql.connectPort());
        // Our connector ships a service file: no need to scan the whole classpath for plugins.
        worker.put("plugin.discovery", "service_load");
        // Only what the stream committed is a fact: never write an aborted transaction's events.
        worker.put("consumer.isolation.level", "read_committed");

        connector.put("name", CONNECTOR);
        connector.put("connector.class", CONNECTOR_CLASS);
        connector.put("tasks.max", "1");
        connector.put("topics", Topics.COUPON_EVENTS + "," + Topics.COUPON_TEMPLATES);
        connector.put("mysql.url", mysql.url());
        connector.put("mysql.user", mysql.user());
        connector.put("mysql.password", mysql.password());
        if (mysql.shardMap() != null) {
            connector.put("mysql.shard.map", mysql.shardMap());
        }
        connector.put("errors.tolerance", "all");
        connector.put("errors.log.enable", "true");
        connector.put("errors.deadletterqueue.topic.name", Topics.SINK_DEAD_LETTERS);
        connector.put("errors.deadletterqueue.topic.replication.factor", String.valueOf(replicationFactor));
        connector.put("errors.deadletterqueue.context.headers.enable", "true");
    }

    EmbeddedConnectWorker start() throws Exception {
        Files.createDirectories(Path.of(worker.get("offset.storage.file.filename")).getParent());
        // Connect calls exit() when it cannot start; in a shared process that must be an exception instead.
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("Kafka Connect wanted to exit (" + code + "): " + message);
        });
        // Connect registers a JVM shutdown hook of its own that stops it while ours is closing the stream and the
        // broker, racing Jetty's own hook on its REST server (seen: a SIGTERM that never finished). The process
        // stops its parts in one order, in CouponServer#close, so Connect gets no hook of its own.
        Exit.setShutdownHookAdder((name, hook) -> { });
        try {
            connect = new ConnectStandalone().startConnect(worker);
        } finally {
            Exit.resetShutdownHookAdder();
        }
        FutureCallback<Herder.Created<ConnectorInfo>> created = new FutureCallback<>();
        connect.herder().putConnectorConfig(CONNECTOR, connector, true, created);
        created.get(60, TimeUnit.SECONDS);
        LOG.info("MySQL sink running in an embedded Connect worker (REST on {})", worker.get("listeners"));
        return this;
    }

    /** The connector's and its tasks' states, as Connect's REST API would report them. */
    ConnectorStateInfo status() {
        return connect.herder().connectorStatus(CONNECTOR);
    }

    @Override
    public void close() {
        if (connect != null) {
            connect.stop();
            connect.awaitStop();
            connect = null;
        }
    }
}

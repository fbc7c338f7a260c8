package io.coupon.server;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node KRaft broker (Maven Central's {@code kafka_2.13}) in this process, with its log under
 * the data folder, so a restart finds every topic, offset and transaction where it was left. Formatted once:
 * {@code meta.properties} in the log folder means it already was.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);
    private static final int NODE_ID = 1;

    private final Path logDir;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    public EmbeddedKafkaBroker(Path logDir, int port, int controllerPort) {
        this.logDir = logDir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public EmbeddedKafkaBroker start() throws Exception {
        Files.createDirectories(logDir);
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            format();
        }
        server = new KafkaRaftServer(new KafkaConfig(config(), false), Time.SYSTEM);
        server.startup();
        LOG.info("embedded Kafka broker listening on {} with its log in {}", bootstrapServers(), logDir);
        endUnmarkedTransactions();
        return this;
    }

    /** Before any client of this process reads: see {@link UnmarkedTransactions} for why a restart needs it. */
    private void endUnmarkedTransactions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            int marked = new UnmarkedTransactions(admin, "127.0.0.1", port).repair();
            if (marked > 0) {
                LOG.warn("ended {} partitions' transactions that the broker's coordinator had left unmarked", marked);
            }
        } catch (ExecutionException unanswered) {
            // Serving is still better than not: a partition left open shows as a stream that does not restore.
            LOG.error("could not look for transactions left unmarked: {}", unanswered.getCause().toString());
        }
    }

    private void format() throws Exception {
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(Uuid.randomUuid().toString())
                .setNodeId(NODE_ID)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDir.toString())
                .setDirectories(List.of(logDir.toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    private Map<String, Object> config() {
        Map<String, Object> c = new HashMap<>();
        c.put("process.roles", "broker,controller");
        c.put("node.id", String.valueOf(NODE_ID));
        c.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        c.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        c.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        c.put("controller.listener.names", "CONTROLLER");
        c.put("inter.broker.listener.name", "PLAINTEXT");
        c.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        c.put("log.dirs", logDir.toString());
        // One broker: every internal topic has one replica, and transactions need only that one in sync.
        c.put("offsets.topic.replication.factor", "1");
        c.put("offsets.topic.num.partitions", "10");
        c.put("transaction.state.log.replication.factor", "1");
        c.put("transaction.state.log.min.isr", "1");
        c.put("transaction.state.log.num.partitions", "10");
        c.put("share.coordinator.state.topic.replication.factor", "1");
        c.put("share.coordinator.state.topic.min.isr", "1");
        c.put("group.initial.rebalance.delay.ms", "0");
        c.put("num.partitions", "1");
        c.put("auto.create.topics.enable", "false");
        return c;
    }

    @Override
    public void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }
}

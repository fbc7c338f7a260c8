package io.coupon.server;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import io.coupon.contract.config.BrokerQuorum;
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
 * A real KRaft broker (Maven Central's {@code kafka_2.13}) in this process, with its log under the data folder, so
 * a restart finds every topic, offset and transaction where it was left. Formatted once: {@code meta.properties} in
 * the log folder means it already was. A single node by default (the all-in-one's); one node of a
 * {@link BrokerQuorum} of several (each a broker and a controller) in {@code coupon-server.jar cluster --brokers 3}.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    private final Path logDir;
    private final int port;
    private final BrokerQuorum quorum;
    private final ScramUser scramUser;
    private KafkaRaftServer server;

    /** The one user of a broker whose client listener asks for SASL/SCRAM-SHA-256. */
    record ScramUser(String name, String password) {
        String jaasConfig() {
            return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + name
                    + "\" password=\"" + password + "\";";
        }
    }

    public EmbeddedKafkaBroker(Path logDir, int port, int controllerPort) {
        this(logDir, port, BrokerQuorum.single(controllerPort), null);
    }

    /** One node of {@code quorum}: its controller listener is the quorum's voter of its node id. */
    public EmbeddedKafkaBroker(Path logDir, int port, BrokerQuorum quorum) {
        this(logDir, port, quorum, null);
    }

    /**
     * A broker with no plaintext listener for clients: they must log in with SASL/SCRAM-SHA-256 as {@code user},
     * as on a secured cluster. For tests of the platform against such a cluster.
     */
    static EmbeddedKafkaBroker withScram(Path logDir, int port, int controllerPort, ScramUser user) {
        return new EmbeddedKafkaBroker(logDir, port, BrokerQuorum.single(controllerPort), user);
    }

    private EmbeddedKafkaBroker(Path logDir, int port, BrokerQuorum quorum, ScramUser scramUser) {
        this.logDir = logDir;
        this.port = port;
        this.quorum = quorum;
        this.scramUser = scramUser;
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
        if (scramUser == null && quorum.size() == 1) {
            // The repair speaks to the broker without logging in; a secured test broker is always a fresh one. A
            // node of several never has the only replica of a partition, so its restart leaves no partition
            // leaderless while the coordinator writes its markers (see UnmarkedTransactions).
            endUnmarkedTransactions();
        }
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
        Formatter formatter = new Formatter();
        if (scramUser != null) {
            formatter.setScramArguments(List.of(
                    "SCRAM-SHA-256=[name=" + scramUser.name() + ",password=" + scramUser.password() + "]"));
        }
        formatter
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setClusterId(clusterId())
                .setNodeId(quorum.nodeId())
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDir.toString())
                .setDirectories(List.of(logDir.toString()))
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
    }

    /**
     * The nodes of a quorum are formatted apart, each by its own process, and must agree on the cluster's id: it
     * follows from the voters. A single node's is random.
     */
    private String clusterId() {
        if (quorum.size() == 1) {
            return Uuid.randomUuid().toString();
        }
        UUID id = UUID.nameUUIDFromBytes(("coupon-cluster:" + quorum.votersConfig()).getBytes(StandardCharsets.UTF_8));
        return new Uuid(id.getMostSignificantBits(), id.getLeastSignificantBits()).toString();
    }

    private Map<String, Object> config() {
        Map<String, Object> c = new HashMap<>();
        c.put("process.roles", "broker,controller");
        c.put("node.id", String.valueOf(quorum.nodeId()));
        c.put("controller.quorum.voters", quorum.votersConfig());
        String clients = scramUser == null ? "PLAINTEXT" : "SASL_PLAINTEXT";
        c.put("listeners", clients + "://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + quorum.controllerPort());
        c.put("advertised.listeners", clients + "://127.0.0.1:" + port);
        c.put("controller.listener.names", "CONTROLLER");
        c.put("inter.broker.listener.name", clients);
        c.put("listener.security.protocol.map", clients + ":" + clients + ",CONTROLLER:PLAINTEXT");
        if (scramUser != null) {
            c.put("sasl.enabled.mechanisms", "SCRAM-SHA-256");
            c.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-256");
            c.put("listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config", scramUser.jaasConfig());
        }
        c.put("log.dirs", logDir.toString());
        // Internal topics and the default of every topic: one replica per node up to three, and a write is
        // acknowledged once all but one are in sync, so the loss of any one node of three loses nothing.
        String replicas = String.valueOf(quorum.replicationFactor());
        String inSync = String.valueOf(quorum.minInSyncReplicas());
        c.put("offsets.topic.replication.factor", replicas);
        c.put("offsets.topic.num.partitions", "10");
        c.put("transaction.state.log.replication.factor", replicas);
        c.put("transaction.state.log.min.isr", inSync);
        c.put("transaction.state.log.num.partitions", "10");
        c.put("share.coordinator.state.topic.replication.factor", replicas);
        c.put("share.coordinator.state.topic.min.isr", inSync);
        c.put("default.replication.factor", replicas);
        c.put("min.insync.replicas", inSync);
        // A replica that fell behind is never made leader: that would lose acknowledged writes.
        c.put("unclean.leader.election.enable", "false");
        c.put("group.initial.rebalance.delay.ms", "0");
        c.put("num.partitions", "1");
        c.put("auto.create.topics.enable", "false");
        // A broker in the process of its only clients: a handful of connections on loopback. Kafka's defaults (3
        // network and 8 request threads) suit a broker of many clients; here every request would wake a
        // different idle thread on each hand-off, and the wake-ups cost more than the work on two cores.
        c.put("num.network.threads", "1");
        c.put("num.io.threads", "2");
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

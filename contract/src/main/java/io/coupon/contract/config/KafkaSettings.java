package io.coupon.contract.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * @param bootstrapServers  null: start an embedded broker and use it
 * @param replicationFactor null: follow the cluster (up to 3)
 * @param brokerQuorum      the KRaft nodes of the broker this process runs, when it runs one ({@code broker}, or
 *                          the all-in-one's embedded broker: a single node)
 * @param instanceId        unique per process; names this process's transactional producer
 * @param clientSettings    Kafka client properties from the environment's other {@code KAFKA_*} variables
 *                          (security); used with a cluster of one's own, not with the embedded broker
 */
public record KafkaSettings(
        String bootstrapServers,
        Path dataDir,
        int partitions,
        Integer replicationFactor,
        int embeddedPort,
        int embeddedControllerPort,
        BrokerQuorum brokerQuorum,
        String instanceId,
        Map<String, String> clientSettings) {

    public boolean embedded() {
        return bootstrapServers == null;
    }

    /** How clients reach the cluster at {@code bootstrap}: the embedded broker asks for nothing more. */
    public KafkaConnection connection(String bootstrap) {
        return embedded() ? KafkaConnection.plain(bootstrap) : new KafkaConnection(bootstrap, clientSettings);
    }

    public Path brokerLogDir() {
        return dataDir.resolve("kafka");
    }
}

package io.coupon.contract.config;

import java.nio.file.Path;

/**
 * @param bootstrapServers  null: start an embedded broker and use it
 * @param replicationFactor null: follow the cluster (up to 3)
 * @param instanceId        unique per process; names this process's transactional producer
 */
public record KafkaSettings(
        String bootstrapServers,
        Path dataDir,
        int partitions,
        Integer replicationFactor,
        int embeddedPort,
        int embeddedControllerPort,
        String instanceId) {

    public boolean embedded() {
        return bootstrapServers == null;
    }

    public Path brokerLogDir() {
        return dataDir.resolve("kafka");
    }
}

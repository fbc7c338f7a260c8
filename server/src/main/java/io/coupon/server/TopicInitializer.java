package io.coupon.server;

import io.coupon.contract.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the platform's topics at start-up if they are missing. Existing topics are left as they are. */
final class TopicInitializer {

    private TopicInitializer() {
    }

    /** The replication factor to use: as configured, else the cluster's size up to 3. */
    static int replicationFactor(Admin admin, Integer configured) throws Exception {
        if (configured != null) {
            return configured;
        }
        int brokers = admin.describeCluster().nodes().get(30, TimeUnit.SECONDS).size();
        return Math.max(1, Math.min(3, brokers));
    }

    static void ensureTopics(Admin admin, int partitions, int replicationFactor) throws Exception {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        for (Topics.Spec spec : Topics.ALL) {
            if (!existing.contains(spec.name())) {
                missing.add(new NewTopic(spec.name(), partitions, (short) replicationFactor).configs(configs(spec,
                        replicationFactor)));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
            // another instance created them at the same moment
        }
    }

    private static Map<String, String> configs(Topics.Spec spec, int replicationFactor) {
        String minIsr = String.valueOf(Math.max(1, replicationFactor - 1));
        if (spec.compacted()) {
            return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                    TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr);
        }
        return Map.of(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(TimeUnit.DAYS.toMillis(7)),
                TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, minIsr);
    }
}

package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coupon.contract.config.CouponConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupWarmUpIT {

    @Test
    void decidesThrowawayClaimsOnAPrivateCopyAndDeletesItsFolder(@TempDir Path dataDir) {
        Map<String, String> env = TestCluster.serverEnv(dataDir);
        env.put("COUPON_WARM_UP_CLAIMS", "300");

        int decided = StartupWarmUp.run(env, CouponConfig.fromEnv(env));

        assertTrue(decided > 0, "a warm-up decides claims; it decided " + decided);
        assertFalse(Files.exists(dataDir.resolve("warm-up")), "the copy's broker and stream folder are deleted");
    }

    @Test
    void writesNothingToTheClusterTheProcessWillServeOn(@TempDir Path dataDir) throws Exception {
        Map<String, String> env = TestCluster.serverEnv(dataDir);
        env.put("KAFKA_BOOTSTRAP_SERVERS", TestCluster.bootstrapServers());
        env.put("COUPON_WARM_UP_CLAIMS", "300");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestCluster.bootstrapServers()))) {
            Map<TopicPartition, Long> before = endOffsets(admin);

            StartupWarmUp.run(env, CouponConfig.fromEnv(env));

            assertEquals(before, endOffsets(admin), "no topic of the cluster gained a record or a partition");
        }
    }

    @Test
    void startsNoCopyWhenAskedForNoClaims(@TempDir Path dataDir) {
        Map<String, String> env = TestCluster.serverEnv(dataDir);
        env.put("COUPON_WARM_UP_CLAIMS", "0");

        assertEquals(0, StartupWarmUp.run(env, CouponConfig.fromEnv(env)));
        assertFalse(Files.exists(dataDir.resolve("warm-up")));
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin) throws Exception {
        Set<String> topics = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS).forEach((name, description) ->
                description.partitions().forEach(p -> latest.put(new TopicPartition(name, p.partition()),
                        OffsetSpec.latest())));
        return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }
}

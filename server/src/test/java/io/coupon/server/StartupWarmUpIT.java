package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coupon.contract.config.CouponConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
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
    void createsNoTopicOnTheClusterTheProcessWillServeOn(@TempDir Path dataDir, @TempDir Path brokerDir)
            throws Exception {
        try (EmbeddedKafkaBroker cluster = TestCluster.startBroker(brokerDir);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                     cluster.bootstrapServers()))) {
            Map<String, String> env = TestCluster.serverEnv(dataDir);
            env.put("KAFKA_BOOTSTRAP_SERVERS", cluster.bootstrapServers());
            env.put("COUPON_WARM_UP_CLAIMS", "300");

            assertTrue(StartupWarmUp.run(env, CouponConfig.fromEnv(env)) > 0);

            assertEquals(Set.of(), admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                    .get(30, TimeUnit.SECONDS), "not a topic, not a consumer group offset, not a transaction");
        }
    }

    @Test
    void startsNoCopyWhenAskedForNoClaims(@TempDir Path dataDir) {
        Map<String, String> env = TestCluster.serverEnv(dataDir);
        env.put("COUPON_WARM_UP_CLAIMS", "0");

        assertEquals(0, StartupWarmUp.run(env, CouponConfig.fromEnv(env)));
        assertFalse(Files.exists(dataDir.resolve("warm-up")));
    }
}

package io.coupon.contract.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CouponConfigTest {

    @Test
    void defaultsToAnEmbeddedBrokerUnderTheLocalDataFolder() {
        CouponConfig config = CouponConfig.fromEnv(Map.of());
        assertTrue(config.kafka().embedded());
        assertEquals(Path.of("data").toAbsolutePath().normalize(), config.kafka().dataDir());
        assertEquals(7070, config.http().port());
        assertEquals(2, config.kafka().partitions());
        assertNull(config.kafka().replicationFactor());
        assertEquals(Role.ALL, config.role());
        assertEquals(Duration.ofSeconds(2), config.http().claimWait());
    }

    @Test
    void usesTheGivenClusterWhenBootstrapServersAreSet() {
        CouponConfig config = CouponConfig.fromEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", "k1:9092,k2:9092"));
        assertEquals("k1:9092,k2:9092", config.kafka().bootstrapServers());
        assertTrue(!config.kafka().embedded());
    }

    @Test
    void warmsTheAllInOneUpBeforeItServesButNotAProcessOfACluster() {
        assertEquals(4000, CouponConfig.fromEnv(Map.of()).warmUpClaims());
        assertEquals(0, CouponConfig.fromEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", "k1:9092")).warmUpClaims());
        assertEquals(0, CouponConfig.fromEnv(Map.of("COUPON_WARM_UP_CLAIMS", "0")).warmUpClaims());
    }

    @Test
    void givesAClusterMorePartitionsThanOneNodeByDefault() {
        CouponConfig config = CouponConfig.fromEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", "k1:9092"));
        assertEquals(12, config.kafka().partitions());
    }

    @Test
    void bindsOnlyThisMachineWhenNoKeysAreSet() {
        assertEquals("127.0.0.1", CouponConfig.fromEnv(Map.of()).http().host());
        assertEquals("0.0.0.0", CouponConfig.fromEnv(Map.of("COUPON_API_KEYS", "management:m-0123456789abcdef",
                "COUPON_INTERNAL_SECRET", "s-0123456789abcdef")).http().host());
        assertEquals("0.0.0.0", CouponConfig.fromEnv(Map.of("COUPON_HTTP_HOST", "0.0.0.0")).http().host());
    }

    @Test
    void requiresAnInternalSecretOnceKeysAreSet() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> CouponConfig.fromEnv(Map.of("COUPON_API_KEYS", "management:m-0123456789abcdef")));
        assertTrue(refused.getMessage().contains("COUPON_INTERNAL_SECRET"), refused.getMessage());
    }

    @Test
    void namesTheVariableOfABadValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CouponConfig.fromEnv(Map.of("COUPON_PARTITIONS", "many")));
        assertTrue(e.getMessage().startsWith("COUPON_PARTITIONS"), e.getMessage());
    }

    @Test
    void rejectsAnOutOfRangePort() {
        assertThrows(IllegalArgumentException.class, () -> CouponConfig.fromEnv(Map.of("COUPON_HTTP_PORT", "70000")));
    }

    @Test
    void readsDurationsInShortAndIsoForms() {
        assertEquals(Duration.ofMillis(250), CouponConfig.parseDuration("250ms"));
        assertEquals(Duration.ofMinutes(15), CouponConfig.parseDuration("15m"));
        assertEquals(Duration.ofHours(24), CouponConfig.parseDuration("24h"));
        assertEquals(Duration.ofSeconds(2), CouponConfig.parseDuration("PT2S"));
        assertThrows(IllegalArgumentException.class, () -> CouponConfig.parseDuration("soon"));
    }

    @Test
    void requiresAQueryUrlForTheApiRole() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CouponConfig.fromEnv(Map.of("COUPON_ROLE", "api")));
        assertTrue(e.getMessage().contains("COUPON_QUERY_URL"), e.getMessage());
    }

    @Test
    void rejectsAnUnknownRole() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CouponConfig.fromEnv(Map.of("COUPON_ROLE", "everything")));
        assertTrue(e.getMessage().startsWith("COUPON_ROLE"), e.getMessage());
    }

    @Test
    void takesTheServersWaitsAndCapacitiesFromTheEnvironment() {
        CouponConfig config = CouponConfig.fromEnv(Map.of("COUPON_TEMPLATE_WAIT", "3s", "COUPON_WALLET_CATCH_UP",
                "500ms", "COUPON_FORWARD_TIMEOUT", "4s", "COUPON_HTTP_THREADS", "8", "COUPON_MAX_CONNECTIONS", "100",
                "COUPON_UNDECIDED_CLAIMS", "10", "COUPON_STREAM_START_WAIT", "30s"));

        assertEquals(Duration.ofSeconds(3), config.http().templateWait());
        assertEquals(Duration.ofMillis(500), config.http().walletCatchUp());
        assertEquals(Duration.ofSeconds(4), config.http().forwardTimeout());
        assertEquals(Duration.ofSeconds(5), config.http().remoteReadTimeout());
        assertEquals(8, config.http().threads());
        assertEquals(100, config.http().maxConnections());
        assertEquals(10, config.http().undecidedClaims());
        assertEquals(Duration.ofSeconds(30), config.streams().startWait());
    }

    @Test
    void keepsTheServersWaitsAndCapacitiesAtTheirDefaults() {
        CouponConfig config = CouponConfig.fromEnv(Map.of());

        assertEquals(Duration.ofSeconds(10), config.http().templateWait());
        assertEquals(Duration.ofSeconds(2), config.http().walletCatchUp());
        assertEquals(Duration.ofSeconds(2), config.http().forwardTimeout());
        assertEquals(32, config.http().threads());
        assertEquals(8192, config.http().maxConnections());
        assertEquals(100_000, config.http().undecidedClaims());
        assertEquals(Duration.ofMinutes(2), config.streams().startWait());
    }

    @Test
    void refusesAPoolTooSmallToServe() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CouponConfig.fromEnv(Map.of("COUPON_HTTP_THREADS", "1")));
        assertTrue(e.getMessage().startsWith("COUPON_HTTP_THREADS"), e.getMessage());
    }
}

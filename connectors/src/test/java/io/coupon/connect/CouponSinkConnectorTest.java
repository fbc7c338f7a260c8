package io.coupon.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.sink.SinkConnector;
import org.junit.jupiter.api.Test;

class CouponSinkConnectorTest {

    private static final String URL = "jdbc:mariadb://127.0.0.1:3306/coupon";

    @Test
    void givesEveryTaskTheSameSettings() {
        CouponSinkConnector connector = new CouponSinkConnector();
        Map<String, String> props = Map.of(CouponSinkConfig.MYSQL_URL, URL, "topics", "coupon-events");
        connector.start(props);
        List<Map<String, String>> tasks = connector.taskConfigs(3);
        assertEquals(List.of(props, props, props), tasks);
        assertEquals(CouponSinkTask.class, connector.taskClass());
        assertEquals(CouponSinkConnector.VERSION, new CouponSinkTask().version());
    }

    @Test
    void refusesABadShardMapOrUrlAtStart() {
        CouponSinkConnector connector = new CouponSinkConnector();
        assertThrows(ConfigException.class, () -> connector.start(Map.of(CouponSinkConfig.MYSQL_URL, URL,
                CouponSinkConfig.MYSQL_SHARD_MAP, "0-8=" + URL + ";8-15=" + URL)));
        assertThrows(ConfigException.class, () -> connector.start(Map.of(CouponSinkConfig.MYSQL_URL, "localhost")));
        assertThrows(ConfigException.class, () -> connector.start(Map.of()));

        Config validated = connector.validate(Map.of(CouponSinkConfig.MYSQL_URL, URL,
                CouponSinkConfig.MYSQL_SHARD_MAP, "0-20=" + URL));
        ConfigValue map = validated.configValues().stream()
                .filter(v -> v.name().equals(CouponSinkConfig.MYSQL_SHARD_MAP)).findFirst().orElseThrow();
        assertEquals(1, map.errorMessages().size(), map.errorMessages().toString());
    }

    @Test
    void defaultsToRootWithAnEmptyPassword() {
        CouponSinkConfig config = new CouponSinkConfig(Map.of(CouponSinkConfig.MYSQL_URL, URL));
        assertEquals("root", config.user());
        assertEquals("", config.password());
        assertEquals(java.util.Set.of(URL), config.shardMap().urls());
    }

    @Test
    void isFoundByServiceLoading() {
        assertTrue(ServiceLoader.load(SinkConnector.class).stream()
                .anyMatch(p -> p.type() == CouponSinkConnector.class));
    }
}

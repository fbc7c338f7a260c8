package io.coupon.contract.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaConnectionTest {

    @Test
    void everyKafkaVariableButTheBootstrapServersIsTheClientPropertyItsNameSpells() {
        Map<String, String> settings = KafkaConnection.settingsFromEnvironment(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "k1:9093",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka/truststore.p12",
                "COUPON_HTTP_PORT", "7070"));
        assertEquals(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512",
                "ssl.truststore.location", "/etc/kafka/truststore.p12"), settings);
    }

    @Test
    void aClientStartsFromTheBootstrapServersAndTheSettings() {
        KafkaConnection connection = new KafkaConnection("k1:9093", Map.of("security.protocol", "SSL"));
        assertEquals(Map.of("bootstrap.servers", "k1:9093", "security.protocol", "SSL"), connection.properties());
    }

    @Test
    void theEmbeddedBrokerIsReachedWithoutTheSettings() {
        Map<String, String> env = Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        KafkaSettings embedded = CouponConfig.fromEnv(env).kafka();
        assertEquals(Map.of(), embedded.connection("127.0.0.1:9092").clientSettings());
        KafkaSettings external = CouponConfig.fromEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", "k1:9093",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL")).kafka();
        assertEquals(Map.of("security.protocol", "SASL_SSL"), external.connection("k1:9093").clientSettings());
    }

    @Test
    void neverPrintsASettingsValue() {
        KafkaConnection connection = new KafkaConnection("k1:9093",
                Map.of("sasl.jaas.config", "PlainLoginModule required password=\"hunter2\";"));
        assertFalse(connection.toString().contains("hunter2"));
    }
}

package io.coupon.contract.config;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How every Kafka client of the platform reaches the cluster: its bootstrap servers, and the client settings the
 * environment gives for it (TLS, SASL). Every producer, consumer, admin client, stream and Connect worker starts
 * from {@link #properties()}, so a secured cluster needs no setting of ours beyond the standard ones.
 *
 * @param clientSettings Kafka client properties, from {@link #settingsFromEnvironment}
 */
public record KafkaConnection(String bootstrapServers, Map<String, String> clientSettings) {

    private static final String PREFIX = "KAFKA_";
    private static final String BOOTSTRAP = "KAFKA_BOOTSTRAP_SERVERS";

    public KafkaConnection {
        clientSettings = Map.copyOf(clientSettings);
    }

    /** A cluster that asks for nothing but its address, such as the embedded broker. */
    public static KafkaConnection plain(String bootstrapServers) {
        return new KafkaConnection(bootstrapServers, Map.of());
    }

    /**
     * Every {@code KAFKA_*} variable but the bootstrap servers, as the client property its name spells:
     * lower case, {@code _} for {@code .} ({@code KAFKA_SECURITY_PROTOCOL} is {@code security.protocol},
     * {@code KAFKA_SSL_TRUSTSTORE_LOCATION} is {@code ssl.truststore.location}).
     */
    public static Map<String, String> settingsFromEnvironment(Map<String, String> env) {
        Map<String, String> settings = new TreeMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && !name.equals(BOOTSTRAP) && name.length() > PREFIX.length()) {
                settings.put(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return settings;
    }

    /** {@code bootstrap.servers} and the client settings: what a client's properties start from. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new HashMap<>(clientSettings);
        properties.put("bootstrap.servers", bootstrapServers);
        return properties;
    }

    @Override
    public String toString() {
        // The settings hold passwords (sasl.jaas.config, ssl.*.password): only their names are printed.
        return "KafkaConnection[" + bootstrapServers + ", settings " + new TreeMap<>(clientSettings).keySet() + "]";
    }
}

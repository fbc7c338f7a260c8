package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform against a cluster that takes no client without a SASL/SCRAM login: the standard client settings,
 * given as {@code KAFKA_*} variables, reach every client it makes (API producers and listeners, the stream,
 * the admin client).
 */
class SecuredKafkaIT {

    private static final EmbeddedKafkaBroker.ScramUser USER =
            new EmbeddedKafkaBroker.ScramUser("coupon", "coupon-scram-secret");

    @TempDir
    static Path dir;
    private static EmbeddedKafkaBroker broker;
    private static CouponServer server;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        broker = EmbeddedKafkaBroker.withScram(dir.resolve("kafka"), FreePorts.next(), FreePorts.next(), USER)
                .start();
        Map<String, String> env = TestCluster.serverEnv(dir.resolve("data"), broker);
        env.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        env.put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-256");
        env.put("KAFKA_SASL_JAAS_CONFIG", USER.jaasConfig());
        server = TestCluster.startServer(env);
        api = Api.at(env);
        api.awaitHealthy();
    }

    @AfterAll
    static void stop() {
        TestCluster.closeAll(server, broker);
    }

    @Test
    void aClaimIsDecidedAndLandsInTheWalletOverASaslLogin() {
        long template = api.createTemplate(10, 1);
        long user = Api.freshId();
        Api.Response claim = api.claim(template, user);
        assertEquals(201, claim.status(), claim.body().toString());
        JsonNode wallet = api.wallet(user);
        assertEquals(claim.body().get("couponId"), wallet.get(0).get("couponId"));
        assertEquals(9, api.remaining(template));
    }
}

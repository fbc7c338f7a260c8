package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.coupon.contract.config.CouponConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default run: no cluster configured, so the server embeds its own broker with its data under the data
 * folder. Stopping it and starting it again on that folder must lose nothing.
 */
class RestartIT {

    @TempDir
    Path dataDir;

    @Test
    void keepsTemplatesWalletsAndStockAcrossARestartOnTheSameDataFolder() throws Exception {
        Map<String, String> env = TestCluster.serverEnv(dataDir);
        env.put("COUPON_EMBEDDED_KAFKA_PORT", String.valueOf(FreePorts.next()));
        env.put("COUPON_EMBEDDED_CONTROLLER_PORT", String.valueOf(FreePorts.next()));
        CouponConfig config = CouponConfig.fromEnv(env);
        Api api = new Api("http://127.0.0.1:" + config.http().port());

        long template;
        JsonNode walletBefore;
        try (CouponServer first = start(config)) {
            api.awaitHealthy();
            template = api.createTemplate(10, 1);
            for (long user = 1; user <= 3; user++) {
                assertEquals(201, api.claim(template, user).status());
            }
            walletBefore = api.wallet(2);
        }

        try (CouponServer second = start(config)) {
            api.awaitHealthy();
            assertEquals(7, api.remaining(template));
            assertEquals(walletBefore, api.wallet(2));
            assertEquals(409, api.claim(template, 2).status(), "the limit survives the restart");
            Api.Response next = api.claim(template, 4);
            assertEquals(201, next.status());
            assertEquals(template + "-4", next.body().get("couponId").asText(), "coupon ids carry on, never reused");
            assertEquals(6, api.remaining(template));
        }
    }

    private static CouponServer start(CouponConfig config) throws Exception {
        return new CouponServer(config, Clock.tick(Clock.systemUTC(), Duration.ofMillis(1))).start();
    }
}

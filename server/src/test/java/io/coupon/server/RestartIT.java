package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.coupon.contract.config.CouponConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The default run: no cluster configured, so the server embeds its own broker with its data under the data
 * folder. Stopping it and starting it again on that folder must lose nothing, and rebuild nothing.
 */
class RestartIT {

    @TempDir
    Path dataDir;

    @Test
    void keepsTemplatesWalletsAndStockAcrossARestartOnTheSameDataFolder() throws Exception {
        CouponConfig config = CouponConfig.fromEnv(TestCluster.ownBrokerEnv(dataDir));
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

    @Test
    void aCleanRestartRestoresNoStoreAndWipesNoTask() throws Exception {
        CouponConfig config = CouponConfig.fromEnv(TestCluster.ownBrokerEnv(dataDir));
        Api api = new Api("http://127.0.0.1:" + config.http().port());
        try (CouponServer first = start(config)) {
            api.awaitHealthy();
            long template = api.createTemplate(10, 1);
            // a template on one partition only: the other partitions' stores stay empty, which must not matter
            assertEquals(201, api.claimAnswered(template, 1, "k-1").status());
            assertEquals(201, api.claimAnswered(template, 1, "k-1").status());
            assertEquals(201, api.claimAnswered(template, 2, "k-2").status());
        }
        // a task whose state is wiped loses its whole folder, and this file with it
        List<Path> markers = markEveryTaskFolder(config.streams().stateDir().resolve(config.streams().applicationId()));

        try (CouponServer second = start(config)) {
            api.awaitHealthy();

            assertEquals(0, second.restoredRecords(), "a clean restart replays no changelog");
            assertEquals(List.of(), markers.stream().filter(marker -> !Files.exists(marker)).toList(),
                    "tasks whose local state was wiped");
        }
    }

    private static List<Path> markEveryTaskFolder(Path appDir) throws IOException {
        List<Path> markers = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(appDir)) {
            for (Path task : tasks.filter(Files::isDirectory).toList()) {
                markers.add(Files.createFile(task.resolve("kept-across-the-restart")));
            }
        }
        assertFalse(markers.isEmpty(), "no task folders under " + appDir);
        return markers;
    }

    private static CouponServer start(CouponConfig config) throws Exception {
        return new CouponServer(config, Clock.tick(Clock.systemUTC(), Duration.ofMillis(1))).start();
    }
}

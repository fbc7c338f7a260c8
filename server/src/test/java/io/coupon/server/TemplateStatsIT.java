package io.coupon.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coupon.contract.TopicCatalog;
import io.coupon.contract.message.TemplateStats;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.ClaimStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What analysts read on the real topics: a client's retries are marked as replays on {@code claim-results}, and
 * {@code template-stats} counts each decision once and publishes a quiet template's minute without waiting for
 * later records.
 */
class TemplateStatsIT {

    private final Api api = TestCluster.api();

    @Test
    void retriesArePublishedOnClaimResultsAsReplaysOfTheOneDecision() {
        long template = api.createTemplate(10, 1);
        try (TopicReader<ClaimOutcome> results = new TopicReader<>(TestCluster.bootstrapServers(),
                TopicCatalog.CLAIM_RESULTS)) {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertEquals(201, api.claimAnswered(template, 1, "retried").status());
            }

            List<ClaimOutcome> published = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                published.addAll(results.read(template));
                return published.size() >= 3;
            });
            assertEquals(1, published.stream().filter(outcome -> !outcome.replayed()).count(),
                    "one decision in " + published);
            assertEquals(1, published.stream().map(ClaimOutcome::couponId).distinct().count(),
                    "every answer names the one coupon");
        }
    }

    @Test
    void aQuietTemplatesMinuteCountsEachDecisionOnceAndArrivesWithoutLaterRecords() {
        long template = api.createTemplate(10, 1);
        try (TopicReader<TemplateStats> stats = new TopicReader<>(TestCluster.bootstrapServers(),
                TopicCatalog.TEMPLATE_STATS)) {
            for (int attempt = 0; attempt < 3; attempt++) {
                assertEquals(201, api.claimAnswered(template, 1, "retried").status());
            }
            assertEquals(201, api.claimAnswered(template, 2, "once").status());
            assertEquals(409, api.claimAnswered(template, 1, "second-try").status());
            Instant lastClaim = Instant.now();

            // nothing else is claimed of this template: its minutes must close by the clock
            List<TemplateStats> minutes = new ArrayList<>();
            await().atMost(Duration.ofMinutes(3)).until(() -> {
                minutes.addAll(stats.read(template));
                return minutes.stream().anyMatch(minute -> minute.windowEnd().isAfter(lastClaim));
            });
            TemplateStats total = minutes.stream().reduce(TemplateStats.empty(), TemplateStats::plus);
            assertEquals(3, total.requests(), "three decisions in " + minutes);
            assertEquals(2, total.granted(), "two coupons granted in " + minutes);
            assertEquals(Map.of(ClaimStatus.LIMIT_EXCEEDED, 1L), total.rejected());
        }
    }
}

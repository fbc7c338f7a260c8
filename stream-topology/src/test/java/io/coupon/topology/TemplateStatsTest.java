package io.coupon.topology;

import static io.coupon.domain.TemplateBuilder.aTemplate;
import static io.coupon.topology.TopologyFixture.OPEN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.coupon.contract.TopicCatalog;
import io.coupon.contract.message.TemplateStats;
import io.coupon.domain.ClaimStatus;
import io.coupon.domain.RedemptionStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestOutputTopic;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The analysts' per-minute statistics: counted in a tumbling window, published once when it closes by stream
 * time or by the wall clock, each decision counted once.
 */
class TemplateStatsTest extends TopologyTest {

    private static final long TEMPLATE = 42;

    private TestOutputTopic<Long, TemplateStats> stats;

    @BeforeEach
    void driver() {
        stats = topology.output(TopicCatalog.TEMPLATE_STATS);
        topology.define(aTemplate(TEMPLATE).build());
    }

    @Test
    void countsOneMinuteOfClaimsAndRedemptionsPerTemplate() {
        String coupon = topology.claim(TEMPLATE, 1, "r-1", OPEN).couponId();
        topology.claim(TEMPLATE, 2, "r-2", OPEN.plusSeconds(5));
        topology.claim(TEMPLATE, 1, "r-3", OPEN.plusSeconds(6));
        assertEquals(RedemptionStatus.LOCKED,
                topology.tryRedemption(1, "O-1", coupon, "250.00", OPEN.plusSeconds(10)).status());
        assertEquals(RedemptionStatus.USED, topology.confirm(1, "O-1", OPEN.plusSeconds(20)).status());

        topology.claim(TEMPLATE, 3, "r-4", OPEN.plus(Duration.ofMinutes(1)).plusSeconds(11));

        assertEquals(List.of(KeyValue.pair(TEMPLATE, new TemplateStats(TEMPLATE, OPEN,
                OPEN.plus(Duration.ofMinutes(1)), 3, 2, Map.of(ClaimStatus.LIMIT_EXCEEDED, 1L), 1,
                new BigDecimal("20.00")))), stats.readKeyValuesToList());
    }

    @Test
    void publishesNothingWhileTheWindowMayStillReceiveLateRecords() {
        topology.claim(TEMPLATE, 1, "r-1", OPEN);
        topology.claim(TEMPLATE, 2, "r-2", OPEN.plus(Duration.ofMinutes(1)).plusSeconds(5));

        assertEquals(List.of(), stats.readKeyValuesToList(), "the grace period has not passed");
    }

    @Test
    void countsARetriedClaimOnce() {
        topology.claim(TEMPLATE, 1, "r-1", OPEN);
        topology.claim(TEMPLATE, 1, "r-1", OPEN.plusSeconds(1));
        topology.claim(TEMPLATE, 1, "r-1", OPEN.plusSeconds(2));
        topology.claim(TEMPLATE, 2, "r-2", OPEN.plusSeconds(3));

        topology.claim(TEMPLATE, 3, "r-3", OPEN.plus(Duration.ofMinutes(1)).plusSeconds(11));

        assertEquals(List.of(grantsOnly(OPEN, 2)), stats.readKeyValuesToList(), "two decisions, whatever the retries");
    }

    @Test
    void publishesAQuietMinuteOnceTheWallClockPassesItsGrace() {
        topology.claim(TEMPLATE, 1, "r-1", OPEN);

        topology.advanceWallClockTime(Duration.ofSeconds(69));
        assertEquals(List.of(), stats.readKeyValuesToList(), "still in its grace");

        topology.advanceWallClockTime(SumTemplateStatsProcessor.CLOSE_CHECK);
        assertEquals(List.of(grantsOnly(OPEN, 1)), stats.readKeyValuesToList(), "no later record needed");
    }

    @Test
    void neverPublishesAMinuteTwice() {
        topology.claim(TEMPLATE, 1, "r-1", OPEN);
        topology.advanceWallClockTime(Duration.ofSeconds(70));
        stats.readKeyValuesToList();

        topology.claim(TEMPLATE, 2, "r-2", OPEN.plusSeconds(30));
        topology.claim(TEMPLATE, 3, "r-3", OPEN.plus(Duration.ofMinutes(2)));
        topology.advanceWallClockTime(Duration.ofMinutes(2));

        assertEquals(List.of(grantsOnly(OPEN.plus(Duration.ofMinutes(2)), 1)), stats.readKeyValuesToList(),
                "the late claim of the published minute counts nowhere");
    }

    /** The minute starting at {@code start}, as published: {@code n} claims, all granted, nothing used. */
    private static KeyValue<Long, TemplateStats> grantsOnly(Instant start, long n) {
        return KeyValue.pair(TEMPLATE, new TemplateStats(TEMPLATE, start, start.plus(Duration.ofMinutes(1)), n, n,
                Map.of(), 0, new BigDecimal("0.00")));
    }
}

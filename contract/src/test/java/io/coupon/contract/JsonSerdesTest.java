package io.coupon.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coupon.contract.message.Claim;
import io.coupon.contract.message.ClaimCommand;
import io.coupon.contract.message.TemplateStats;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.ClaimStatus;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

/** What analysts read is JSON text; what only our steps read is binary; both read back exactly. */
class JsonSerdesTest {

    private static final Instant DECIDED = Instant.parse("2026-12-03T16:39:53.123456789Z");
    private static final ClaimOutcome GRANTED = new ClaimOutcome("r-1", 42, 7, ClaimStatus.GRANTED, "42-1",
            DECIDED.plusSeconds(86_400), DECIDED);

    @Test
    void resultTopicsAreJsonTextWithIsoInstants() {
        byte[] bytes = TopicCatalog.CLAIM_RESULTS.values().serializer().serialize(Topics.CLAIM_RESULTS, GRANTED);

        String text = new String(bytes, StandardCharsets.UTF_8);
        assertEquals('{', text.charAt(0));
        assertTrue(text.contains("\"decidedAt\":\"2026-12-03T16:39:53.123456789Z\""), text);
    }

    @Test
    void commandTopicsAreWrittenCompactAndReadBack() {
        ClaimCommand claim = new Claim("r-1", 42, 7, DECIDED);

        Serde<ClaimCommand> serde = TopicCatalog.CLAIM_REQUESTS.values();
        byte[] bytes = serde.serializer().serialize(Topics.CLAIM_REQUESTS, claim);

        assertNotEquals('{', (char) bytes[0]);
        assertEquals(claim, serde.deserializer().deserialize(Topics.CLAIM_REQUESTS, bytes));
    }

    @Test
    void storedValuesReadBackEqualToWhatWasWritten() {
        Serde<TemplateStats> serde = JsonSerdes.stored(TemplateStats.class);
        TemplateStats minute = new TemplateStats(42, DECIDED, DECIDED.plusSeconds(60), 3, 2,
                Map.of(ClaimStatus.SOLD_OUT, 1L), 1, new BigDecimal("20.00"));

        byte[] bytes = serde.serializer().serialize("template-minutes-store", minute);

        assertEquals(minute, serde.deserializer().deserialize("template-minutes-store", bytes));
        assertEquals(new BigDecimal("20.00"),
                serde.deserializer().deserialize("template-minutes-store", bytes).discountTotal(),
                "money keeps its scale");
    }

    @Test
    void storesWrittenAsJsonTextStillRead() {
        byte[] text = TopicCatalog.CLAIM_RESULTS.values().serializer().serialize(Topics.CLAIM_RESULTS, GRANTED);

        assertEquals(GRANTED, JsonSerdes.stored(ClaimOutcome.class).deserializer().deserialize("idempotency-store",
                text));
    }
}

package io.coupon.ingest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class KafkaCircuitTest {

    private Instant now = Instant.parse("2026-11-11T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final KafkaCircuit circuit = new KafkaCircuit(3, Duration.ofSeconds(1), clock);

    @Test
    void staysClosedBelowTheFailureThreshold() {
        circuit.failed();
        circuit.failed();
        assertTrue(circuit.allowSend());
    }

    @Test
    void opensAfterARunOfFailuresAndRefusesAtOnce() {
        failThreeTimes();
        assertTrue(circuit.open());
        assertFalse(circuit.allowSend());
    }

    @Test
    void letsOneProbeThroughPerInterval() {
        failThreeTimes();
        now = now.plusSeconds(1);
        assertTrue(circuit.allowSend());
        assertFalse(circuit.allowSend(), "only one probe per interval");
    }

    @Test
    void closesWhenAProbeSucceeds() {
        failThreeTimes();
        now = now.plusSeconds(1);
        circuit.allowSend();
        circuit.succeeded();
        assertFalse(circuit.open());
        assertTrue(circuit.allowSend());
        assertTrue(circuit.allowSend());
    }

    private void failThreeTimes() {
        circuit.failed();
        circuit.failed();
        circuit.failed();
    }
}

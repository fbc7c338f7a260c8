package io.coupon.ingest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** The time from sending a request to Kafka to seeing its outcome: the stream's share of a request's latency. */
final class DecisionLatency {

    private DecisionLatency() {
    }

    static Timer timer(MeterRegistry meters, String kind) {
        return Timer.builder("coupon.decision.latency")
                .description("From a request produced to its outcome seen, by kind of request")
                .tag("kind", kind)
                .publishPercentileHistogram()
                .register(meters);
    }
}

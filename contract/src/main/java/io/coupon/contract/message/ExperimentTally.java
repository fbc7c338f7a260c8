package io.coupon.contract.message;

import io.coupon.domain.VariantCounts;
import java.util.Map;
import java.util.TreeMap;

/** An experiment's live counts, by variant name: the value of {@code experiment-report-store}. */
public record ExperimentTally(Map<String, VariantCounts> variants) {

    public ExperimentTally {
        variants = Map.copyOf(variants);
    }

    public static ExperimentTally empty() {
        return new ExperimentTally(Map.of());
    }

    public ExperimentTally plus(ExperimentDelta delta) {
        Map<String, VariantCounts> next = new TreeMap<>(variants);
        next.merge(delta.variant(), delta.delta(), VariantCounts::plus);
        return new ExperimentTally(next);
    }

    public VariantCounts of(String variant) {
        return variants.getOrDefault(variant, VariantCounts.zero());
    }
}

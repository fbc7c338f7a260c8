package io.coupon.domain;

import java.util.Map;
import java.util.TreeMap;

/**
 * How far a targeted issuance has got, added up from the walkers of every partition (how many partitions there
 * are, how many finished walking, how many users matched) and from the decider (each issued claim's outcome).
 * It is DONE once every partition has walked and every matched user's claim was decided.
 */
public record IssuanceProgress(long templateId, String issuanceId, int partitions, int partitionsWalked,
                               long matched, long granted, Map<ClaimStatus, Long> rejected) {

    public enum Status { RUNNING, DONE }

    public IssuanceProgress {
        rejected = Map.copyOf(rejected);
    }

    public static IssuanceProgress started(long templateId, String issuanceId, int partitions) {
        return new IssuanceProgress(templateId, issuanceId, partitions, 0, 0, 0, Map.of());
    }

    public IssuanceProgress walked(long matchedUsers, boolean finished) {
        return new IssuanceProgress(templateId, issuanceId, partitions, partitionsWalked + (finished ? 1 : 0),
                matched + matchedUsers, granted, rejected);
    }

    public IssuanceProgress decided(ClaimStatus status) {
        if (status.granted()) {
            return new IssuanceProgress(templateId, issuanceId, partitions, partitionsWalked, matched, granted + 1,
                    rejected);
        }
        Map<ClaimStatus, Long> next = new TreeMap<>(rejected);
        next.merge(status, 1L, Long::sum);
        return new IssuanceProgress(templateId, issuanceId, partitions, partitionsWalked, matched, granted, next);
    }

    public long decided() {
        return granted + rejected.values().stream().mapToLong(Long::longValue).sum();
    }

    public Status status() {
        return partitions > 0 && partitionsWalked >= partitions && decided() >= matched ? Status.DONE
                : Status.RUNNING;
    }
}

package io.coupon.server;

import io.coupon.contract.message.CouponEvent;
import io.coupon.contract.message.RedemptionResult;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.ClaimStatus;
import io.coupon.domain.Template;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The platform's promises, checked on what it committed: fed the templates, claim answers, coupon events and
 * redemption answers read back from their topics, it lists every broken promise: more coupons granted than the
 * stock, a user over the limit, a coupon id granted twice, a retry answered with a coupon its first answer did not
 * grant, a grant without its coupon's {@code GRANTED} event or the other way round, a coupon event applied twice, a
 * coupon used twice without a refund. No Kafka in here: {@link Verifier} reads, this judges.
 */
final class SaleLedger {

    private final Map<Long, Template> templates = new HashMap<>();
    /** Coupon id → the answer that granted it (not a replay). */
    private final Map<String, ClaimOutcome> grants = new HashMap<>();
    private final Map<String, ClaimOutcome> replays = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Integer> rejections = new TreeMap<>();
    private final Map<String, Set<Long>> eventVersions = new HashMap<>();
    private final Map<String, CouponEvent> grantEvents = new HashMap<>();
    private final Map<String, Integer> usedMinusRefunded = new HashMap<>();
    private final Map<String, Integer> redemptionAnswers = new TreeMap<>();
    private int decided;

    /** A template's definition; a later one (a PATCH) replaces an earlier one. */
    void template(Template template) {
        templates.put(template.id(), template);
    }

    void outcome(ClaimOutcome outcome) {
        if (outcome.replayed()) {
            if (outcome.status() == ClaimStatus.GRANTED) {
                replays.put(outcome.requestId() + "/" + outcome.couponId(), outcome);
            }
            return;
        }
        decided++;
        if (outcome.status() != ClaimStatus.GRANTED) {
            rejections.merge(outcome.status().name(), 1, Integer::sum);
            return;
        }
        ClaimOutcome earlier = grants.putIfAbsent(outcome.couponId(), outcome);
        if (earlier != null) {
            violations.add("coupon " + outcome.couponId() + " granted twice: to request " + earlier.requestId()
                    + " and to request " + outcome.requestId());
        }
    }

    void event(CouponEvent event) {
        if (!eventVersions.computeIfAbsent(event.couponId(), id -> new HashSet<>()).add(event.version())) {
            violations.add("coupon " + event.couponId() + ": version " + event.version() + " written twice ("
                    + event.eventType() + ")");
        }
        switch (event.eventType()) {
            case "GRANTED" -> grantEvents.put(event.couponId(), event);
            case "USED" -> {
                if (usedMinusRefunded.merge(event.couponId(), 1, Integer::sum) > 1) {
                    violations.add("coupon " + event.couponId() + " used twice without a refund in between");
                }
            }
            case "REFUNDED" -> usedMinusRefunded.merge(event.couponId(), -1, Integer::sum);
            default -> {
            }
        }
    }

    void redemption(RedemptionResult result) {
        redemptionAnswers.merge(result.status().name(), 1, Integer::sum);
    }

    /** Every broken promise found, in words; empty when every one held. */
    List<String> violations() {
        List<String> found = new ArrayList<>(violations);
        Map<Long, Integer> granted = new TreeMap<>();
        Map<String, Integer> perUser = new HashMap<>();
        for (ClaimOutcome grant : grants.values()) {
            granted.merge(grant.templateId(), 1, Integer::sum);
            perUser.merge(grant.templateId() + "/" + grant.userId(), 1, Integer::sum);
            if (!grantEvents.containsKey(grant.couponId())) {
                found.add("coupon " + grant.couponId() + " was granted (request " + grant.requestId()
                        + ") but has no GRANTED event");
            }
        }
        granted.forEach((templateId, count) -> {
            Template template = templates.get(templateId);
            if (template == null) {
                found.add("template " + templateId + ": " + count + " coupons granted of a template never defined");
            } else if (count > template.totalCount()) {
                found.add("template " + templateId + " oversold: " + count + " granted of " + template.totalCount());
            }
        });
        perUser.forEach((templateAndUser, count) -> {
            String[] ids = templateAndUser.split("/");
            Template template = templates.get(Long.parseLong(ids[0]));
            if (template != null && count > template.perUserLimit()) {
                found.add("user " + ids[1] + " holds " + count + " coupons of template " + ids[0] + ", limit "
                        + template.perUserLimit());
            }
        });
        for (String couponId : grantEvents.keySet()) {
            if (!grants.containsKey(couponId)) {
                found.add("coupon " + couponId + " has a GRANTED event but no claim answer granted it");
            }
        }
        for (ClaimOutcome replay : replays.values()) {
            ClaimOutcome first = grants.get(replay.couponId());
            if (first == null || !first.requestId().equals(replay.requestId())) {
                found.add("request " + replay.requestId() + " was answered again with coupon " + replay.couponId()
                        + ", which its first answer did not grant");
            }
        }
        return found;
    }

    /** The coupons granted, each with the user it went to. */
    Map<String, Long> grantedCoupons() {
        Map<String, Long> owners = new TreeMap<>();
        grants.forEach((couponId, grant) -> owners.put(couponId, grant.userId()));
        return owners;
    }

    /** One line of what was read: for the verdict's reader to see that the check had something to check. */
    String counts() {
        long users = grants.values().stream().map(ClaimOutcome::userId).distinct().count();
        return templates.size() + " templates, " + decided + " claims decided (" + grants.size() + " granted to "
                + users + " users, rejected " + rejections + "), " + replays.size() + " retries answered again, "
                + eventVersions.size() + " coupons with events, redemption answers " + redemptionAnswers;
    }

    /**
     * Grants read so far whose coupon's {@code GRANTED} event has not been read yet. The event is written one hop
     * after the answer (by the wallet's owner), so right after a sale or a crash a few may still be on their way.
     */
    long grantsAwaitingTheirEvent() {
        return grants.keySet().stream().filter(couponId -> !grantEvents.containsKey(couponId)).count();
    }

    int granted() {
        return grants.size();
    }
}

package io.coupon.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.coupon.contract.JsonSerdes;
import io.coupon.contract.TopicCatalog;
import io.coupon.contract.config.KafkaConnection;
import io.coupon.contract.config.MysqlSettings;
import io.coupon.contract.message.CouponEvent;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The offline verdict after a sale, a crash or a soak: reads what the platform committed ({@code coupon-templates},
 * {@code claim-results}, {@code coupon-events}, {@code redemption-results}) and judges it ({@link SaleLedger});
 * compares MySQL with the coupon events ({@link Reconciler}); and, given an API URL, reads the wallet of every user
 * who was granted a coupon and finds each coupon there, in the state of its latest event. Prints the counts and the
 * verdict; no violation is exit code 0.
 */
final class Verifier {

    /**
     * How long the coupon events may trail the claim answers read before them: the wallet hop runs behind the
     * decision, and further behind while a stream instance restores after a crash.
     */
    static final Duration EVENTS_SETTLE_TIME = Duration.ofMinutes(2);

    private final KafkaConnection kafka;
    private final MysqlSettings mysql;
    private final String apiUrl;
    private final String apiKey;
    private final PrintStream out;

    /**
     * @param apiUrl where to read the wallets; null: the wallets are not read
     * @param apiKey the key to read them with when the API asks for one; null: none
     */
    Verifier(KafkaConnection kafka, MysqlSettings mysql, String apiUrl, String apiKey, PrintStream out) {
        this.kafka = kafka;
        this.mysql = mysql;
        this.apiUrl = apiUrl;
        this.apiKey = apiKey;
        this.out = out;
    }

    /** @return every violation found; empty when every promise held */
    List<String> run() throws Exception {
        SaleLedger ledger = new SaleLedger();
        Map<String, CouponEvent> latest = new HashMap<>();
        int unreadable = CommittedTopic.readAll(kafka, "coupon-verify", TopicCatalog.COUPON_TEMPLATES,
                ledger::template);
        unreadable += CommittedTopic.readAll(kafka, "coupon-verify", TopicCatalog.CLAIM_RESULTS, ledger::outcome);
        long readingEvents = System.nanoTime();
        unreadable += CommittedTopic.readAll(kafka, "coupon-verify", TopicCatalog.COUPON_EVENTS, event -> {
            ledger.event(event);
            Reconciler.keepLatest(latest, event);
        }, () -> ledger.grantsAwaitingTheirEvent() == 0, EVENTS_SETTLE_TIME);
        Duration eventsTook = Duration.ofNanos(System.nanoTime() - readingEvents);
        unreadable += CommittedTopic.readAll(kafka, "coupon-verify", TopicCatalog.REDEMPTION_RESULTS,
                ledger::redemption);
        out.println("verify: read " + ledger.counts() + (unreadable > 0 ? "; " + unreadable + " unreadable" : "")
                + "; the coupon events read in " + eventsTook.toMillis() + " ms");

        List<String> violations = new ArrayList<>(ledger.violations());
        // The coupon events were read once, above: MySQL is compared with the same latest states.
        violations.addAll(new Reconciler(kafka, mysql, Reconciler.SINK_SETTLE_TIME, out).compare(latest));
        if (apiUrl != null) {
            violations.addAll(walletsHold(ledger.grantedCoupons(), latest));
        }
        out.println(violations.isEmpty() ? "VERDICT: every promise held" : "VERDICT: " + violations.size()
                + " violation(s)");
        violations.forEach(v -> out.println("  " + v));
        return violations;
    }

    /** Each granted coupon is in its owner's wallet, in the state its latest event says. */
    private List<String> walletsHold(Map<String, Long> granted, Map<String, CouponEvent> latest) throws Exception {
        Map<Long, List<String>> byUser = new TreeMap<>();
        granted.forEach((couponId, user) -> byUser.computeIfAbsent(user, u -> new ArrayList<>()).add(couponId));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<String> violations = new ArrayList<>();
        for (Map.Entry<Long, List<String>> user : byUser.entrySet()) {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                    URI.create(apiUrl + "/v1/users/" + user.getKey() + "/coupons")).timeout(Duration.ofSeconds(30));
            if (apiKey != null) {
                request.header("Authorization", "Bearer " + apiKey);
            }
            HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                violations.add("wallet of user " + user.getKey() + ": answered " + answer.statusCode());
                continue;
            }
            Map<String, String> held = new HashMap<>();
            for (JsonNode coupon : JsonSerdes.mapper().readTree(answer.body()).path("coupons")) {
                held.put(coupon.path("couponId").asText(), coupon.path("status").asText());
            }
            for (String couponId : user.getValue()) {
                String state = latest.containsKey(couponId) ? latest.get(couponId).status().name() : null;
                if (!held.containsKey(couponId)) {
                    violations.add("coupon " + couponId + " is missing from the wallet of user " + user.getKey());
                } else if (state != null && !state.equals(held.get(couponId))) {
                    violations.add("coupon " + couponId + " is " + held.get(couponId) + " in the wallet of user "
                            + user.getKey() + " but " + state + " in its latest event");
                }
            }
        }
        out.println("wallets: " + byUser.size() + " users' wallets read, " + granted.size() + " coupons looked for");
        return violations;
    }
}

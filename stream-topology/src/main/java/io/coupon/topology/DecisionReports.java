package io.coupon.topology;

import io.coupon.contract.Keys;
import io.coupon.contract.Stores;
import io.coupon.contract.message.Claim;
import io.coupon.contract.message.ExperimentDelta;
import io.coupon.contract.message.IssuanceDelta;
import io.coupon.domain.ClaimDecision;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.Template;
import io.coupon.domain.VariantCounts;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * What a decision tells the experiment report and the issuance progress, sent in the decision's own transaction
 * so each is told exactly once: a user's first try and each fresh grant of an experiment template, and the
 * outcome of every claim an issuance made. Templates without either pay one null check.
 */
final class DecisionReports {

    private final ProcessorContext<Long, Object> context;
    private final KeyValueStore<String, Long> experimentUsers;

    DecisionReports(ProcessorContext<Long, Object> context) {
        this.context = context;
        this.experimentUsers = context.getStateStore(Stores.EXPERIMENT_USERS_STORE);
    }

    void decided(Record<?, ?> record, Claim claim, Template template, ClaimDecision decision) {
        ClaimOutcome outcome = decision.outcome();
        if (template != null && template.experiment() && decision.fresh() && outcome.variant() != null) {
            String userKey = Keys.templateUser(template.id(), outcome.userId());
            if (experimentUsers.get(userKey) == null) {
                experimentUsers.put(userKey, outcome.decidedAt().toEpochMilli());
                experiment(record, template.id(), outcome.variant(), VariantCounts.tried());
            }
            if (decision.freshGrant()) {
                experiment(record, template.id(), outcome.variant(), VariantCounts.grant());
            }
        }
        if (claim.issuanceId() != null) {
            context.forward(new Record<>(claim.templateId(), IssuanceDelta.decided(claim.templateId(),
                    claim.issuanceId(), outcome.status()), record.timestamp()),
                    ClaimTopology.DECISION_ISSUANCE_PROGRESS_SINK);
        }
    }

    private void experiment(Record<?, ?> record, long templateId, String variant, VariantCounts delta) {
        context.forward(new Record<>(templateId, new ExperimentDelta(templateId, variant, delta),
                record.timestamp()), ClaimTopology.DECISION_EXPERIMENT_EVENTS_SINK);
    }
}

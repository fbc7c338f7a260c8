package io.coupon.topology;

import io.coupon.contract.Keys;
import io.coupon.contract.Stores;
import io.coupon.contract.message.IssuanceDelta;
import io.coupon.contract.message.IssuanceResult;
import io.coupon.domain.IssuanceProgress;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Adds up what the walkers and the decider report of each issuance into {@code issuance-progress-store}, in the
 * template's partition, exactly once. A start is answered on {@code issuance-results} (the API's 202 waits for
 * it, so a GET right after finds the issuance); a repeated start changes nothing and gets the same answer.
 */
final class SumIssuanceProgressProcessor implements Processor<Long, IssuanceDelta, Long, IssuanceResult> {

    private ProcessorContext<Long, IssuanceResult> context;
    private KeyValueStore<String, IssuanceProgress> progress;

    @Override
    public void init(ProcessorContext<Long, IssuanceResult> context) {
        this.context = context;
        progress = context.getStateStore(Stores.ISSUANCE_PROGRESS_STORE);
    }

    @Override
    public void process(Record<Long, IssuanceDelta> record) {
        IssuanceDelta delta = record.value();
        String key = Keys.templateRequest(delta.templateId(), delta.issuanceId());
        IssuanceProgress held = progress.get(key);
        IssuanceProgress now = held != null ? held : IssuanceProgress.started(delta.templateId(), delta.issuanceId(), 0);
        if (delta.partitions() > 0) {
            if (now.partitions() == 0) {
                now = new IssuanceProgress(now.templateId(), now.issuanceId(), delta.partitions(),
                        now.partitionsWalked(), now.matched(), now.granted(), now.rejected());
            }
        } else if (delta.outcome() != null) {
            now = now.decided(delta.outcome());
        } else {
            now = now.walked(delta.matched(), delta.walked());
        }
        if (!now.equals(held)) {
            progress.put(key, now);
        }
        if (delta.requestId() != null) {
            context.forward(record.withKey(delta.templateId()).withValue(new IssuanceResult(delta.requestId(), now)),
                    ClaimTopology.ISSUANCE_RESULTS_SINK);
        }
    }
}

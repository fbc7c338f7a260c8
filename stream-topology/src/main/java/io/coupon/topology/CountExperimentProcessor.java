package io.coupon.topology;

import io.coupon.contract.Stores;
import io.coupon.contract.message.ExperimentDelta;
import io.coupon.contract.message.ExperimentTally;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Adds each change to an experiment's counts (a user's first try and a grant from the decider, a use or a refund
 * from the wallet's step) into {@code experiment-report-store}, per template per variant. Every change is made
 * once, in the transaction of the step it describes, and added once here: the live report is exact.
 */
final class CountExperimentProcessor implements Processor<Long, ExperimentDelta, Void, Void> {

    private KeyValueStore<Long, ExperimentTally> tallies;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        tallies = context.getStateStore(Stores.EXPERIMENT_REPORT_STORE);
    }

    @Override
    public void process(Record<Long, ExperimentDelta> record) {
        ExperimentDelta delta = record.value();
        ExperimentTally held = tallies.get(delta.templateId());
        tallies.put(delta.templateId(), (held == null ? ExperimentTally.empty() : held).plus(delta));
    }
}

package io.coupon.topology;

import io.coupon.contract.Stores;
import io.coupon.contract.message.CouponEvent;
import io.coupon.contract.message.ExperimentDelta;
import io.coupon.domain.CouponChange;
import io.coupon.domain.UserStats;
import io.coupon.domain.VariantCounts;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps {@code user-stats-store} from the user's own coupon transitions, in the step that makes them: a grant
 * counts as claimed, a confirmed use as used (with its amounts), a refund takes back what its use added. Being in
 * the same task and transaction as the transition, each counts exactly once. Uses and refunds of an experiment's
 * coupons also change the experiment's counts: the change to forward is returned.
 */
final class UserStatsKeeper {

    /** The transition a refund publishes (issue 10); its use is taken back whatever amounts the event carries. */
    static final String REFUNDED = "REFUNDED";

    private final KeyValueStore<Long, UserStats> stats;

    UserStatsKeeper(ProcessorContext<?, ?> context) {
        this.stats = context.getStateStore(Stores.USER_STATS_STORE);
    }

    Optional<ExperimentDelta> record(long userId, CouponEvent event) {
        UserStats before = stats.get(userId);
        UserStats current = before == null ? UserStats.empty() : before;
        Optional<ExperimentDelta> experiment = Optional.empty();
        UserStats after = current;
        if (CouponChange.GRANTED.equals(event.eventType())) {
            after = current.granted();
        } else if (CouponChange.USED.equals(event.eventType())) {
            after = current.withUse(new UserStats.Use(event.couponId(), event.templateId(), event.variant(),
                    event.at(), event.discountAmount(), event.orderAmount()));
            if (event.variant() != null && after != current) {
                experiment = Optional.of(new ExperimentDelta(event.templateId(), event.variant(),
                        VariantCounts.use(1, event.discountAmount(), event.orderAmount())));
            }
        } else if (REFUNDED.equals(event.eventType())) {
            Optional<UserStats.Use> use = current.find(event.couponId());
            after = current.withRefund(event.couponId());
            if (use.isPresent() && use.get().variant() != null) {
                experiment = Optional.of(new ExperimentDelta(use.get().templateId(), use.get().variant(),
                        VariantCounts.use(-1, use.get().discountAmount(), use.get().orderAmount())));
            }
        }
        if (after != current) {
            stats.put(userId, after);
        }
        return experiment;
    }
}

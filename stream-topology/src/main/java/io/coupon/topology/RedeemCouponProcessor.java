package io.coupon.topology;

import io.coupon.contract.Keys;
import io.coupon.contract.Stores;
import io.coupon.contract.message.CancelRedemption;
import io.coupon.contract.message.ConfirmRedemption;
import io.coupon.contract.message.CountUse;
import io.coupon.contract.message.CouponEvent;
import io.coupon.contract.message.RedemptionCommand;
import io.coupon.contract.message.RedemptionResult;
import io.coupon.contract.message.RefundRedemption;
import io.coupon.contract.message.TryRedemption;
import io.coupon.domain.CouponChange;
import io.coupon.domain.Order;
import io.coupon.domain.OrderStatus;
import io.coupon.domain.RedemptionDecider;
import io.coupon.domain.RedemptionDecision;
import io.coupon.domain.Wallet;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The user-keyed redemption step: Try, Confirm, Cancel and Refund are decided by {@link RedemptionDecider} against
 * the wallet and the order, in the task that owns the user. A wall-clock timer applies due lock timeouts
 * and coupon expiries from {@code expiry-index-store}, a time-ordered index, so each tick reads only what is due.
 * <p>
 * Its output is {@code Object}: answers, coupon events, uses for the template's statistics and experiment changes
 * go to four topics and share no type of their own; each sink's topic in {@link ClaimTopology} says what it takes.
 */
final class RedeemCouponProcessor implements Processor<Long, RedemptionCommand, Long, Object> {

    /** Bounds one tick's work so a backlog of timers never stalls the claims behind it. */
    private static final int MAX_TIMERS_PER_TICK = 10_000;

    private final TopologySettings settings;
    private ProcessorContext<Long, Object> context;
    private KeyValueStore<Long, Wallet> wallets;
    private KeyValueStore<String, Order> orders;
    private KeyValueStore<String, String> timers;
    private UserStatsKeeper stats;

    RedeemCouponProcessor(TopologySettings settings) {
        this.settings = settings;
    }

    @Override
    public void init(ProcessorContext<Long, Object> context) {
        this.context = context;
        wallets = context.getStateStore(Stores.WALLET_STORE);
        orders = context.getStateStore(Stores.ORDER_STORE);
        timers = context.getStateStore(Stores.EXPIRY_INDEX_STORE);
        stats = new UserStatsKeeper(context);
        context.schedule(settings.timerInterval(), PunctuationType.WALL_CLOCK_TIME,
                now -> fireTimersDueBy(Instant.ofEpochMilli(now)));
    }

    @Override
    public void process(Record<Long, RedemptionCommand> record) {
        RedemptionCommand command = record.value();
        long userId = command.userId();
        String orderKey = Keys.userOrder(userId, command.orderId());
        Wallet wallet = walletOf(userId);
        Order order = orders.get(orderKey);
        RedemptionDecision decision;
        String couponId = null;
        if (command instanceof TryRedemption attempt) {
            couponId = attempt.couponId();
            decision = RedemptionDecider.tryLock(wallet, order, attempt.toRequest(), settings.lockTimeout());
        } else if (command instanceof ConfirmRedemption) {
            decision = RedemptionDecider.confirm(wallet, order, command.at());
        } else if (command instanceof CancelRedemption) {
            decision = RedemptionDecider.cancel(wallet, order, command.at());
        } else if (command instanceof RefundRedemption) {
            decision = RedemptionDecider.refund(wallet, order, command.at());
        } else {
            throw new IllegalArgumentException("unknown redemption command " + command);
        }
        apply(userId, orderKey, order, decision, command.at());
        if (decision.couponId() != null) {
            couponId = decision.couponId(); // the coupon a multi-coupon Try was rejected for
        }
        RedemptionResult result = RedemptionResult.of(command, couponId, decision.status(), decision.order(),
                decision.movedOrder(order));
        context.forward(record.withKey(userId).withValue(result), ClaimTopology.REDEMPTION_RESULTS_SINK);
    }

    private void apply(long userId, String orderKey, Order before, RedemptionDecision decision, Instant at) {
        if (decision.changed()) {
            wallets.put(userId, decision.wallet());
            for (CouponChange change : decision.changes()) {
                // what the coupon took off its order: on its use, and given back on its refund
                boolean use = CouponChange.USED.equals(change.eventType());
                boolean priced = use || CouponChange.REFUNDED.equals(change.eventType());
                BigDecimal amount = priced && decision.order() != null
                        ? decision.order().discountFor(change.coupon().couponId()) : null;
                CouponEvent event = CouponEvent.of(userId, change, at, amount,
                        use && decision.order() != null ? decision.order().orderAmount() : null);
                context.forward(new Record<>(userId, event, at.toEpochMilli()),
                        ClaimTopology.COUPON_EVENTS_SINK);
                if (event.used()) {
                    context.forward(new Record<>(event.templateId(), new CountUse(event), at.toEpochMilli()),
                            ClaimTopology.CLAIM_REQUESTS_SINK);
                }
                stats.record(userId, event).ifPresent(delta -> context.forward(
                        new Record<>(delta.templateId(), delta, at.toEpochMilli()),
                        ClaimTopology.EXPERIMENT_EVENTS_SINK));
            }
        }
        Order after = decision.order();
        if (after != null && !after.equals(before)) {
            orders.put(orderKey, after);
            if (after.status() == OrderStatus.LOCKED) {
                timers.put(Keys.expiryIndex(after.lockedUntil(), Keys.lockTimer(userId, after.orderId())), "");
            }
        }
    }

    private void fireTimersDueBy(Instant now) {
        List<KeyValue<String, String>> due = new ArrayList<>();
        try (KeyValueIterator<String, String> it = timers.range(null, Keys.expiryIndexBound(now))) {
            while (it.hasNext() && due.size() < MAX_TIMERS_PER_TICK) {
                due.add(it.next());
            }
        }
        for (KeyValue<String, String> entry : due) {
            timers.delete(entry.key);
            Keys.Timer timer = Keys.Timer.parse(entry.key);
            Wallet wallet = walletOf(timer.userId());
            if (timer.lock()) {
                String orderKey = Keys.userOrder(timer.userId(), timer.id());
                Order order = orders.get(orderKey);
                apply(timer.userId(), orderKey, order, RedemptionDecider.lockTimeout(wallet, order, now), now);
            } else {
                apply(timer.userId(), null, null, RedemptionDecider.expire(wallet, timer.id(), now), now);
            }
        }
    }

    private Wallet walletOf(long userId) {
        Wallet wallet = wallets.get(userId);
        return wallet == null ? Wallet.empty() : wallet;
    }
}

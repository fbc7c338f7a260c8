package io.coupon.topology;

import io.coupon.contract.Keys;
import io.coupon.contract.Stores;
import io.coupon.contract.message.ClaimGrant;
import io.coupon.contract.message.CouponEvent;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.CouponChange;
import io.coupon.domain.Wallet;
import io.coupon.domain.WalletCoupon;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The user-keyed step of a grant: puts the coupon in its holder's wallet, sets its expiry timer and publishes it
 * on {@code coupon-events}. The claim was answered by the decider already; a grant delivered twice changes
 * nothing and publishes no second event.
 */
final class AddToWalletProcessor implements Processor<Long, ClaimGrant, Long, CouponEvent> {

    private ProcessorContext<Long, CouponEvent> context;
    private KeyValueStore<Long, Wallet> wallets;
    private KeyValueStore<String, String> timers;
    private UserStatsKeeper stats;

    @Override
    public void init(ProcessorContext<Long, CouponEvent> context) {
        this.context = context;
        wallets = context.getStateStore(Stores.WALLET_STORE);
        timers = context.getStateStore(Stores.EXPIRY_INDEX_STORE);
        stats = new UserStatsKeeper(context);
    }

    @Override
    public void process(Record<Long, ClaimGrant> record) {
        ClaimOutcome outcome = record.value().outcome();
        WalletCoupon coupon = record.value().coupon();
        Wallet wallet = wallets.get(outcome.userId());
        Wallet before = wallet == null ? Wallet.empty() : wallet;
        if (before.find(coupon.couponId()).isEmpty()) {
            wallets.put(outcome.userId(), before.add(coupon));
            timers.put(Keys.expiryIndex(coupon.expiresAt(), Keys.expiryTimer(outcome.userId(), coupon.couponId())), "");
            CouponEvent granted = CouponEvent.of(outcome.userId(), new CouponChange(CouponChange.GRANTED, coupon),
                    coupon.acquiredAt());
            stats.record(outcome.userId(), granted);
            context.forward(record.withKey(outcome.userId()).withValue(granted), ClaimTopology.COUPON_EVENTS_SINK);
        }
    }
}

package io.coupon.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** All coupons one user holds, in the order they were granted. */
public record Wallet(List<WalletCoupon> coupons) {

    public Wallet {
        coupons = List.copyOf(coupons);
    }

    public static Wallet empty() {
        return new Wallet(List.of());
    }

    public Optional<WalletCoupon> find(String couponId) {
        return coupons.stream().filter(c -> c.couponId().equals(couponId)).findFirst();
    }

    /** Adding a coupon the wallet already holds changes nothing: grants may be delivered again after a retry. */
    public Wallet add(WalletCoupon coupon) {
        if (find(coupon.couponId()).isPresent()) {
            return this;
        }
        List<WalletCoupon> next = new ArrayList<>(coupons);
        next.add(coupon);
        return new Wallet(next);
    }

    /** The same wallet with {@code coupon} in place of the one with its id. */
    public Wallet replace(WalletCoupon coupon) {
        List<WalletCoupon> next = new ArrayList<>(coupons);
        next.replaceAll(c -> c.couponId().equals(coupon.couponId()) ? coupon : c);
        return new Wallet(next);
    }

    /** The coupons as seen at {@code now} (expiry and lapsed locks applied), optionally only one status. */
    public List<WalletCoupon> viewAt(Instant now, CouponStatus onlyStatus) {
        List<WalletCoupon> view = new ArrayList<>();
        for (WalletCoupon c : coupons) {
            WalletCoupon seen = c.seenAt(now);
            if (onlyStatus == null || seen.status() == onlyStatus) {
                view.add(seen);
            }
        }
        return view;
    }
}

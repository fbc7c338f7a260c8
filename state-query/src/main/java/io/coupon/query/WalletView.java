package io.coupon.query;

import io.coupon.domain.WalletCoupon;
import java.util.List;

public record WalletView(long userId, List<WalletCoupon> coupons) {
}

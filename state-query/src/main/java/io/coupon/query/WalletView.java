package io.coupon.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coupon.contract.JsonSerdes;
import io.coupon.domain.CouponStatus;
import io.coupon.domain.UsableCoupon;
import io.coupon.domain.WalletCoupon;
import java.util.List;

/**
 * A wallet as the API shows it. {@code coupons} holds wallet coupons, or, for {@code ?usableFor=}, the same
 * entries with what each takes off the order. {@code nextCursor} appears only on a page with more after it.
 */
public record WalletView(long userId, List<?> coupons,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor) {

    private static final ObjectMapper JSON = JsonSerdes.mapper();

    static WalletView of(long userId, List<WalletCoupon> coupons, WalletPage page) {
        WalletPage.Slice<WalletCoupon> slice = page.of(coupons, WalletCoupon::couponId);
        return new WalletView(userId, slice.items(), slice.nextCursor());
    }

    static WalletView usable(long userId, List<UsableCoupon> ranked, CouponStatus only, WalletPage page) {
        WalletPage.Slice<UsableCoupon> slice = page.of(ranked.stream()
                .filter(u -> only == null || u.coupon().status() == only)
                .toList(), u -> u.coupon().couponId());
        return new WalletView(userId, slice.items().stream().map(WalletView::withQuote).toList(),
                slice.nextCursor());
    }

    static ObjectNode withQuote(UsableCoupon usable) {
        ObjectNode node = JSON.valueToTree(usable.coupon());
        node.put("discountAmount", usable.quote().discountAmount());
        node.put("payAmount", usable.quote().payAmount());
        return node;
    }
}

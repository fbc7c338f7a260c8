package io.coupon.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coupon.contract.JsonSerdes;
import io.coupon.domain.CouponStatus;
import io.coupon.domain.UsableCoupon;
import java.util.List;

/**
 * A wallet as the contract shows it. {@code coupons} holds wallet coupons, or, for {@code ?usableFor=}, the
 * same entries with what each takes off the order.
 */
public record WalletView(long userId, List<?> coupons) {

    private static final ObjectMapper JSON = JsonSerdes.mapper();

    public static WalletView usable(long userId, List<UsableCoupon> ranked, CouponStatus only) {
        return new WalletView(userId, ranked.stream()
                .filter(u -> only == null || u.coupon().status() == only)
                .map(WalletView::withQuote)
                .toList());
    }

    static ObjectNode withQuote(UsableCoupon usable) {
        ObjectNode node = JSON.valueToTree(usable.coupon());
        node.put("discountAmount", usable.quote().discountAmount());
        node.put("payAmount", usable.quote().payAmount());
        return node;
    }
}

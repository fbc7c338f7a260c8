package io.coupon.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The documented assignment: SHA-256 of "templateId:userId", first 8 bytes unsigned, modulo the weights. */
class VariantAssignmentTest {

    private static final List<Variant> SPLIT_20_30_50 = List.of(
            new Variant("A", 20, null, null, null),
            new Variant("B", 30, new BigDecimal("15.00"), null, null),
            new Variant("C", 50, new BigDecimal("25.00"), null, null));

    @Test
    void splitsOneHundredThousandUsersWithinOnePercentOfTheWeights() {
        Map<String, Integer> seen = new HashMap<>();
        int users = 100_000;
        for (long user = 1; user <= users; user++) {
            seen.merge(VariantAssignment.assign(42, user, SPLIT_20_30_50).name(), 1, Integer::sum);
        }
        assertShare(0.20, seen.get("A"), users);
        assertShare(0.30, seen.get("B"), users);
        assertShare(0.50, seen.get("C"), users);
    }

    private static void assertShare(double weight, int count, int users) {
        double share = (double) count / users;
        assertTrue(Math.abs(share - weight) < 0.01, "share " + share + " is not within 1 % of " + weight);
    }

    @Test
    void alwaysAssignsTheSameUserTheSameVariant() {
        for (long user = 1; user <= 1_000; user++) {
            assertEquals(VariantAssignment.assign(7, user, SPLIT_20_30_50),
                    VariantAssignment.assign(7, user, SPLIT_20_30_50));
        }
    }

    @Test
    void theBucketIsTheDocumentedFunction() throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest("42:1001".getBytes(StandardCharsets.UTF_8));
        long first8 = 0;
        for (int i = 0; i < 8; i++) {
            first8 = (first8 << 8) | (hash[i] & 0xFF);
        }
        assertEquals(Long.remainderUnsigned(first8, 100), VariantAssignment.bucket(42, 1001, 100));
    }

    @Test
    void variantsOwnConsecutiveBucketRangesInListedOrder() {
        for (long user = 1; user <= 2_000; user++) {
            long bucket = VariantAssignment.bucket(42, user, 100);
            String expected = bucket < 20 ? "A" : bucket < 50 ? "B" : "C";
            assertEquals(expected, VariantAssignment.assign(42, user, SPLIT_20_30_50).name());
        }
    }

    @Test
    void aGrantCarriesTheTermsOfTheUsersVariant() {
        Template template = TemplateBuilder.aTemplate().variants(SPLIT_20_30_50).build();
        long userInB = firstUserIn(template, "B");
        ClaimRequest request = new ClaimRequest(template.id(), userInB, "r-1", TemplateBuilder.START.plusSeconds(60));
        ClaimDecision decision = ClaimDecider.decide(
                new ClaimState(template, Stock.of(template), 0, false, null), request);

        assertEquals("B", decision.outcome().variant());
        WalletCoupon coupon = WalletCoupon.granted(template, decision.outcome());
        assertEquals("B", coupon.variant());
        assertEquals(new BigDecimal("15.00"), coupon.discount());
        assertEquals(template.threshold(), coupon.threshold());
    }

    private static long firstUserIn(Template template, String variant) {
        long user = 1;
        while (!template.variantFor(user).name().equals(variant)) {
            user++;
        }
        return user;
    }
}

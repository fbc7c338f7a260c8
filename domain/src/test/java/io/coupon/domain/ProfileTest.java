package io.coupon.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a profile may hold: strings, numbers, booleans, arrays of strings; at most 64 attributes. */
class ProfileTest {

    @Test
    void keepsTheFourKindsOfValue() {
        Profile p = Profile.of(Map.of("level", 3, "city", "Hangzhou", "tags", List.of("new"), "vip", false));

        assertEquals(new BigDecimal("3"), p.normalised("level"));
        assertEquals("Hangzhou", p.normalised("city"));
        assertEquals(List.of("new"), p.normalised("tags"));
        assertEquals(false, p.normalised("vip"));
    }

    @Test
    void refusesAnObjectANullAndAMixedArray() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("x", null);
        assertThrows(InvalidRuleException.class, () -> Profile.of(Map.of("x", Map.of("a", 1))));
        assertThrows(InvalidRuleException.class, () -> Profile.of(withNull));
        assertThrows(InvalidRuleException.class, () -> Profile.of(Map.of("x", List.of("a", 1))));
    }

    @Test
    void refusesSixtyFiveAttributes() {
        Map<String, Object> attributes = new HashMap<>();
        for (int i = 0; i <= Profile.MAX_ATTRIBUTES; i++) {
            attributes.put("a" + i, i);
        }
        assertThrows(InvalidRuleException.class, () -> Profile.of(attributes));
        attributes.remove("a0");
        assertEquals(Profile.MAX_ATTRIBUTES, Profile.of(attributes).attributes().size());
    }

    @Test
    void refusesANameThatLooksLikeAStat() {
        assertThrows(InvalidRuleException.class, () -> Profile.of(Map.of("stats.used30d", 3)));
    }
}

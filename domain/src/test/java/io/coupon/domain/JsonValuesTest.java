package io.coupon.domain;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which client values can travel as JSON on the topics: numbers of at most 100 digits written out. */
class JsonValuesTest {

    @Test
    void acceptsNumbersOfAtMostOneHundredDigitsWrittenOut() {
        assertTrue(JsonValues.writable(new BigDecimal("1e99")));
        assertTrue(JsonValues.writable(new BigDecimal("0." + "1".repeat(99))));
        assertTrue(JsonValues.writable(new BigDecimal("-12345.6789")));
        assertTrue(JsonValues.writable(BigDecimal.ZERO));
    }

    @Test
    void refusesNumbersThatCannotBeWrittenOrReadBack() {
        assertFalse(JsonValues.writable(new BigDecimal("1e100")));
        assertFalse(JsonValues.writable(new BigDecimal("1e100000")));
        assertFalse(JsonValues.writable(new BigDecimal("1e-100000")));
        assertFalse(JsonValues.writable(new BigDecimal("1e-100")));
    }

    @Test
    void refusesAnUnwritableNumberAnywhereInATree() {
        Object tree = Map.of("a", List.of(1, Map.of("b", new BigDecimal("1e100000"))));

        InvalidRuleException refused = assertThrows(InvalidRuleException.class,
                () -> JsonValues.requireWritable(tree, "metadata"));

        assertTrue(refused.getMessage().startsWith("metadata.a[1].b "), refused.getMessage());
    }
}

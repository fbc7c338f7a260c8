package io.coupon.domain;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a client's free-form JSON values (audience values, profile attributes, template metadata) must be so that
 * they can travel: every message is written to Kafka as JSON, numbers in plain notation, and read back by every
 * consumer. A number like {@code 1e100000} cannot be written plainly at all, and one of more than 1,000 digits
 * cannot be read back: the first would fail the request's own send, the second poison the topic, so the API
 * refuses both up front with a 400.
 */
public final class JsonValues {

    /** The most digits a number may have written out plainly, before and after the decimal point together. */
    public static final int MAX_DIGITS = 100;

    private JsonValues() {
    }

    /** Whether {@code number} written out plainly has at most {@value #MAX_DIGITS} digits. */
    public static boolean writable(BigDecimal number) {
        long scale = number.scale();
        long integerDigits = Math.max(number.precision() - scale, 1);
        long fractionDigits = Math.max(scale, 0);
        return integerDigits + fractionDigits <= MAX_DIGITS;
    }

    /** Throws for a number that cannot travel; {@code where} names it in the message. */
    public static void requireWritable(BigDecimal number, String where) {
        if (!writable(number)) {
            throw new InvalidRuleException(where + " must be a number of at most " + MAX_DIGITS
                    + " digits written out (1e99 is fine, 1e100 is not)");
        }
    }

    /**
     * Checks every number of a whole value read from JSON (maps, lists, strings, numbers, booleans, nulls).
     *
     * @throws InvalidRuleException naming the first value that cannot travel
     */
    public static void requireWritable(Object tree, String where) {
        if (tree instanceof Map<?, ?> object) {
            for (Map.Entry<?, ?> e : object.entrySet()) {
                requireWritable(e.getValue(), where + "." + e.getKey());
            }
        } else if (tree instanceof List<?> items) {
            for (int i = 0; i < items.size(); i++) {
                requireWritable(items.get(i), where + "[" + i + "]");
            }
        } else {
            BigDecimal number = AudienceParser.number(tree);
            if (number != null) {
                requireWritable(number, where);
            }
        }
    }
}

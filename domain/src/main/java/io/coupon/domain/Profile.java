package io.coupon.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user's attributes as a client last PUT them (用户画像): strings, numbers, booleans and arrays of strings, at
 * most {@link #MAX_ATTRIBUTES}. Built through {@link #of}, which checks and normalises the values (numbers become
 * exact {@link BigDecimal}s), so audiences compare them without surprises.
 */
public record Profile(Map<String, Object> attributes) {

    public static final int MAX_ATTRIBUTES = 64;
    /** The limit on the attributes' JSON size, checked by the API, which has the bytes. */
    public static final int MAX_BYTES = 8 * 1024;
    private static final int MAX_NAME_LENGTH = 64;

    public Profile {
        attributes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }

    /** Checks and normalises attributes read from JSON (plain maps, lists, strings, numbers, booleans). */
    public static Profile of(Map<?, ?> raw) {
        if (raw.size() > MAX_ATTRIBUTES) {
            throw new InvalidRuleException("a profile holds at most " + MAX_ATTRIBUTES + " attributes, got "
                    + raw.size());
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : raw.entrySet()) {
            String name = String.valueOf(e.getKey());
            if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
                throw new InvalidRuleException("attribute names have 1 to " + MAX_NAME_LENGTH + " characters");
            }
            if (name.startsWith(ProfileFacts.STATS_PREFIX)) {
                throw new InvalidRuleException("attribute '" + name + "': names starting with 'stats.' are the "
                        + "system's stats");
            }
            attributes.put(name, value(name, e.getValue()));
        }
        return new Profile(attributes);
    }

    private static Object value(String name, Object raw) {
        if (raw instanceof String || raw instanceof Boolean) {
            return raw;
        }
        BigDecimal number = AudienceParser.number(raw);
        if (number != null) {
            return number;
        }
        if (raw instanceof List<?> items) {
            List<String> strings = new ArrayList<>(items.size());
            for (Object item : items) {
                if (!(item instanceof String s)) {
                    throw new InvalidRuleException("attribute '" + name + "' is an array, so it must hold strings only");
                }
                strings.add(s);
            }
            return List.copyOf(strings);
        }
        throw new InvalidRuleException("attribute '" + name
                + "' must be a string, a number, a boolean or an array of strings");
    }

    /** The attribute normalised for comparison: numbers of any JSON type as {@link BigDecimal}. */
    public Object normalised(String name) {
        Object value = attributes.get(name);
        BigDecimal number = AudienceParser.number(value);
        return number != null ? number : value;
    }
}

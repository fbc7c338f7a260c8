package io.coupon.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A rule over a user's profile: {@code all}, {@code any}, {@code not}, or a leaf {@code {attr, op, value}}. Built
 * only by {@link AudienceParser}, which guarantees the shape (at most {@link #MAX_LEVELS} levels and
 * {@link #MAX_LEAVES} leaves, a value of the right type for each operator), so evaluation never fails. Every
 * operator but {@code exists} is false on a missing attribute.
 */
public sealed interface Audience permits Audience.All, Audience.Any, Audience.Not, Audience.Leaf {

    int MAX_LEVELS = 8;
    int MAX_LEAVES = 64;

    /** What a rule is evaluated against: an attribute's normalised value, or null when the user has none. */
    interface Facts {
        Object get(String attr);
    }

    boolean matches(Facts facts);

    /** The rule as the contract writes it, in plain maps and lists (for JSON). */
    Object toTree();

    record All(List<Audience> rules) implements Audience {
        public All {
            rules = List.copyOf(rules);
        }

        @Override
        public boolean matches(Facts facts) {
            return rules.stream().allMatch(r -> r.matches(facts));
        }

        @Override
        public Object toTree() {
            return Map.of("all", rules.stream().map(Audience::toTree).toList());
        }
    }

    record Any(List<Audience> rules) implements Audience {
        public Any {
            rules = List.copyOf(rules);
        }

        @Override
        public boolean matches(Facts facts) {
            return rules.stream().anyMatch(r -> r.matches(facts));
        }

        @Override
        public Object toTree() {
            return Map.of("any", rules.stream().map(Audience::toTree).toList());
        }
    }

    record Not(Audience rule) implements Audience {
        @Override
        public boolean matches(Facts facts) {
            return !rule.matches(facts);
        }

        @Override
        public Object toTree() {
            return Map.of("not", rule.toTree());
        }
    }

    /**
     * @param value normalised: a {@link BigDecimal}, a String, a Boolean, or (for {@code in}) a list of those
     */
    record Leaf(String attr, AudienceOp op, Object value) implements Audience {

        @Override
        public boolean matches(Facts facts) {
            Object actual = facts.get(attr);
            if (op == AudienceOp.EXISTS) {
                return (actual != null) == (Boolean) value;
            }
            if (actual == null) {
                return false;
            }
            switch (op) {
                case EQ: return same(actual, value);
                case NE: return !same(actual, value);
                case GT: return compare(actual) > 0;
                case GTE: return compare(actual) >= 0;
                case LT: return compare(actual) < 0;
                case LTE: return compare(actual) <= 0;
                case IN: return ((List<?>) value).stream().anyMatch(v -> same(actual, v));
                case CONTAINS: return actual instanceof List<?> list && list.contains(value);
                default: throw new IllegalStateException("unhandled operator " + op);
            }
        }

        /** Sign of actual − value for two numbers or two strings; 0 with "false" intent otherwise is avoided below. */
        private int compare(Object actual) {
            if (actual instanceof BigDecimal a && value instanceof BigDecimal v) {
                return a.compareTo(v);
            }
            if (actual instanceof String a && value instanceof String v) {
                return Integer.signum(a.compareTo(v));
            }
            // different types never compare: make every ordering operator false
            return op == AudienceOp.GT || op == AudienceOp.GTE ? -1 : 1;
        }

        private static boolean same(Object a, Object b) {
            if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
                return x.compareTo(y) == 0;
            }
            return a.equals(b);
        }

        @Override
        public Object toTree() {
            Map<String, Object> leaf = new LinkedHashMap<>();
            leaf.put("attr", attr);
            leaf.put("op", op.wireName());
            leaf.put("value", value instanceof List<?> list ? new ArrayList<>(list) : value);
            return leaf;
        }
    }
}

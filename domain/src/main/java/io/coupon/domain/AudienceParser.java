package io.coupon.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads an audience rule from its JSON tree (plain maps, lists, strings, numbers and booleans), strictly: every
 * problem is an {@link InvalidRuleException} that says where and what, which the API answers with 400. A rule
 * object holds exactly one of {@code all}, {@code any}, {@code not} or a leaf's {@code attr}/{@code op}/{@code value},
 * and nothing else; {@code attr} names an attribute or one of the {@link ProfileFacts#STATS stats}.
 */
public final class AudienceParser {

    private static final Set<String> LEAF_KEYS = Set.of("attr", "op", "value");
    private static final int MAX_ATTR_LENGTH = 64;
    private static final int MAX_IN_VALUES = 1_000;

    private int leaves;

    private AudienceParser() {
    }

    public static Audience parse(Object tree) {
        return new AudienceParser().rule(tree, 1, "audience");
    }

    /** The number of levels of {@code rule}: a lone leaf is one. */
    public static int levels(Audience rule) {
        if (rule instanceof Audience.All all) {
            return 1 + all.rules().stream().mapToInt(AudienceParser::levels).max().orElse(0);
        }
        if (rule instanceof Audience.Any any) {
            return 1 + any.rules().stream().mapToInt(AudienceParser::levels).max().orElse(0);
        }
        if (rule instanceof Audience.Not not) {
            return 1 + levels(not.rule());
        }
        return 1;
    }

    private Audience rule(Object tree, int level, String where) {
        if (level > Audience.MAX_LEVELS) {
            throw invalid(where, "is nested deeper than " + Audience.MAX_LEVELS + " levels");
        }
        if (!(tree instanceof Map<?, ?> node)) {
            throw invalid(where, "must be an object: {\"all\": [...]}, {\"any\": [...]}, {\"not\": {...}} or "
                    + "{\"attr\", \"op\", \"value\"}");
        }
        if (node.containsKey("all") || node.containsKey("any")) {
            String key = node.containsKey("all") ? "all" : "any";
            onlyKeys(node, Set.of(key), where);
            List<Audience> rules = children(node.get(key), level, where + "." + key);
            return key.equals("all") ? new Audience.All(rules) : new Audience.Any(rules);
        }
        if (node.containsKey("not")) {
            onlyKeys(node, Set.of("not"), where);
            return new Audience.Not(rule(node.get("not"), level + 1, where + ".not"));
        }
        if (node.containsKey("attr") || node.containsKey("op")) {
            onlyKeys(node, LEAF_KEYS, where);
            return leaf(node, where);
        }
        throw invalid(where, "must hold one of all, any, not, or attr/op/value");
    }

    private List<Audience> children(Object list, int level, String where) {
        if (!(list instanceof List<?> items) || items.isEmpty()) {
            throw invalid(where, "must be a non-empty array of rules");
        }
        List<Audience> rules = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            rules.add(rule(items.get(i), level + 1, where + "[" + i + "]"));
        }
        return rules;
    }

    private Audience leaf(Map<?, ?> node, String where) {
        if (++leaves > Audience.MAX_LEAVES) {
            throw invalid("audience", "has more than " + Audience.MAX_LEAVES + " leaves");
        }
        if (!(node.get("attr") instanceof String attr) || attr.isEmpty() || attr.length() > MAX_ATTR_LENGTH) {
            throw invalid(where + ".attr", "must be a string of 1 to " + MAX_ATTR_LENGTH + " characters");
        }
        if (attr.startsWith(ProfileFacts.STATS_PREFIX) && !ProfileFacts.STATS.contains(attr)) {
            throw invalid(where + ".attr", "names no stat; the stats are " + ProfileFacts.STATS);
        }
        AudienceOp op = node.get("op") instanceof String name ? AudienceOp.parse(name) : null;
        if (op == null) {
            throw invalid(where + ".op", "must be one of eq, ne, gt, gte, lt, lte, in, contains, exists");
        }
        if (!node.containsKey("value") || node.get("value") == null) {
            throw invalid(where + ".value", "is required");
        }
        return new Audience.Leaf(attr, op, value(op, node.get("value"), where + ".value"));
    }

    private static Object value(AudienceOp op, Object raw, String where) {
        switch (op) {
            case EXISTS:
                if (raw instanceof Boolean b) {
                    return b;
                }
                throw invalid(where, "of exists must be true or false");
            case IN:
                if (!(raw instanceof List<?> items) || items.isEmpty() || items.size() > MAX_IN_VALUES) {
                    throw invalid(where, "of in must be a non-empty array of at most " + MAX_IN_VALUES + " values");
                }
                List<Object> values = new ArrayList<>(items.size());
                for (Object item : items) {
                    values.add(scalar(item, where + "[]"));
                }
                return List.copyOf(values);
            case CONTAINS:
                if (raw instanceof String s) {
                    return s;
                }
                throw invalid(where, "of contains must be a string (attribute arrays hold strings)");
            case GT: case GTE: case LT: case LTE:
                Object ordered = scalar(raw, where);
                if (ordered instanceof Boolean) {
                    throw invalid(where, "of " + op.wireName() + " must be a number or a string");
                }
                return ordered;
            default:
                return scalar(raw, where);
        }
    }

    /** A string, a boolean, or a number as an exact {@link BigDecimal}. */
    static Object scalar(Object raw, String where) {
        if (raw instanceof String || raw instanceof Boolean) {
            return raw;
        }
        BigDecimal number = number(raw);
        if (number != null) {
            return number;
        }
        throw invalid(where, "must be a string, a number or a boolean");
    }

    /** Any JSON number as an exact decimal; null for anything else. */
    static BigDecimal number(Object raw) {
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(raw.toString()) : null;
        }
        return null;
    }

    private static void onlyKeys(Map<?, ?> node, Set<String> allowed, String where) {
        for (Object key : node.keySet()) {
            if (!allowed.contains(key)) {
                throw invalid(where, "has an unexpected field '" + key + "' (a rule holds one of all, any, not, "
                        + "or attr/op/value)");
            }
        }
    }

    private static InvalidRuleException invalid(String where, String problem) {
        return new InvalidRuleException(where + " " + problem);
    }
}

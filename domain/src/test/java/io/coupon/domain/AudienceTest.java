package io.coupon.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Audience rules operator by operator, their combinators, their limits, and the rules the parser refuses. */
class AudienceTest {

    private static final Instant NOW = Instant.parse("2026-11-11T12:00:00Z");
    private static final Profile PROFILE = Profile.of(Map.of(
            "level", 3, "score", new BigDecimal("7.50"), "city", "Hangzhou", "tags", List.of("new", "vip"),
            "newCustomer", true));

    private static boolean matches(Object rule) {
        return matches(rule, PROFILE);
    }

    private static boolean matches(Object rule, Profile profile) {
        return ProfileFacts.inside(AudienceParser.parse(rule), profile, UserStats.empty(), NOW);
    }

    private static Map<String, Object> leaf(String attr, String op, Object value) {
        Map<String, Object> leaf = new LinkedHashMap<>();
        leaf.put("attr", attr);
        leaf.put("op", op);
        leaf.put("value", value);
        return leaf;
    }

    static List<Arguments> operators() {
        return List.of(
                Arguments.of("eq number", leaf("level", "eq", 3), true),
                Arguments.of("eq number written as a fraction", leaf("level", "eq", new BigDecimal("3.0")), true),
                Arguments.of("eq number, other value", leaf("level", "eq", 4), false),
                Arguments.of("eq string", leaf("city", "eq", "Hangzhou"), true),
                Arguments.of("eq string is case-sensitive", leaf("city", "eq", "hangzhou"), false),
                Arguments.of("eq boolean", leaf("newCustomer", "eq", true), true),
                Arguments.of("eq a number against a string attribute", leaf("city", "eq", 3), false),
                Arguments.of("ne other value", leaf("level", "ne", 4), true),
                Arguments.of("ne same value", leaf("level", "ne", 3), false),
                Arguments.of("gt below", leaf("level", "gt", 2), true),
                Arguments.of("gt equal", leaf("level", "gt", 3), false),
                Arguments.of("gte equal", leaf("level", "gte", 3), true),
                Arguments.of("gte above", leaf("level", "gte", 4), false),
                Arguments.of("lt above", leaf("score", "lt", 8), true),
                Arguments.of("lt equal", leaf("score", "lt", new BigDecimal("7.5")), false),
                Arguments.of("lte equal", leaf("score", "lte", new BigDecimal("7.5")), true),
                Arguments.of("lte below", leaf("score", "lte", 7), false),
                Arguments.of("gt on strings compares them", leaf("city", "gt", "Beijing"), true),
                Arguments.of("gt of a number against a string attribute", leaf("city", "gt", 1), false),
                Arguments.of("lt of a number against a string attribute", leaf("city", "lt", 1), false),
                Arguments.of("in holding the value", leaf("city", "in", List.of("Shanghai", "Hangzhou")), true),
                Arguments.of("in without it", leaf("city", "in", List.of("Shanghai")), false),
                Arguments.of("in with numbers", leaf("level", "in", List.of(1, 3)), true),
                Arguments.of("contains a tag", leaf("tags", "contains", "vip"), true),
                Arguments.of("contains another tag", leaf("tags", "contains", "old"), false),
                Arguments.of("contains on a non-array attribute", leaf("city", "contains", "Hangzhou"), false),
                Arguments.of("exists true, present", leaf("city", "exists", true), true),
                Arguments.of("exists true, missing", leaf("country", "exists", true), false),
                Arguments.of("exists false, missing", leaf("country", "exists", false), true),
                Arguments.of("exists false, present", leaf("city", "exists", false), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void evaluatesEveryOperator(String name, Map<String, Object> rule, boolean expected) {
        assertEquals(expected, matches(rule));
    }

    @ParameterizedTest(name = "{0} is false on a missing attribute")
    @MethodSource("everyOperatorButExists")
    void everyOperatorButExistsIsFalseOnAMissingAttribute(String op, Object value) {
        assertFalse(matches(leaf("country", op, value)));
        assertFalse(matches(leaf("country", op, value), null), "a user without a profile has no attributes");
    }

    static List<Arguments> everyOperatorButExists() {
        return List.of(Arguments.of("eq", "x"), Arguments.of("ne", "x"), Arguments.of("gt", 1),
                Arguments.of("gte", 1), Arguments.of("lt", 1), Arguments.of("lte", 1),
                Arguments.of("in", List.of("x")), Arguments.of("contains", "x"));
    }

    @Test
    void notOfEqMatchesAMissingAttribute() {
        assertTrue(matches(Map.of("not", leaf("country", "eq", "CN"))));
    }

    @Test
    void allNeedsEveryRuleAndAnyNeedsOne() {
        Map<String, Object> yes = leaf("level", "gte", 3);
        Map<String, Object> no = leaf("city", "eq", "Beijing");
        assertTrue(matches(Map.of("all", List.of(yes, yes))));
        assertFalse(matches(Map.of("all", List.of(yes, no))));
        assertTrue(matches(Map.of("any", List.of(no, yes))));
        assertFalse(matches(Map.of("any", List.of(no, no))));
        assertFalse(matches(Map.of("not", yes)));
    }

    @Test
    void statsAreReadAtTheInstantOfTheDecision() {
        UserStats stats = UserStats.empty().granted()
                .withUse(new UserStats.Use("42-1", 42, null, NOW.minusSeconds(3600), new BigDecimal("20.00"),
                        new BigDecimal("250.00")));
        Audience active = AudienceParser.parse(leaf("stats.used30d", "gte", 1));
        assertTrue(ProfileFacts.inside(active, null, stats, NOW));
        assertFalse(ProfileFacts.inside(active, null, stats, NOW.plus(UserStats.RECENT)));
        assertTrue(ProfileFacts.inside(AudienceParser.parse(leaf("stats.discountTotal", "eq", 20)), null, stats, NOW));
        assertTrue(ProfileFacts.inside(AudienceParser.parse(leaf("stats.claimed", "eq", 1)), null, stats, NOW));
    }

    @Test
    void acceptsEightLevelsAndSixtyFourLeaves() {
        Object rule = leaf("level", "eq", 3);
        for (int level = 2; level <= Audience.MAX_LEVELS; level++) {
            rule = level % 2 == 0 ? Map.of("all", List.of(rule)) : Map.of("any", List.of(rule));
        }
        assertEquals(Audience.MAX_LEVELS, AudienceParser.levels(AudienceParser.parse(rule)));
        assertTrue(matches(rule));

        List<Object> leaves = new ArrayList<>();
        for (int i = 0; i < Audience.MAX_LEAVES; i++) {
            leaves.add(leaf("level", "gte", i % 3));
        }
        assertTrue(matches(Map.of("all", leaves)));
    }

    @Test
    void aLoneLeafIsOneLevel() {
        assertEquals(1, AudienceParser.levels(AudienceParser.parse(leaf("level", "eq", 3))));
    }

    @Test
    void refusesNineLevels() {
        Object rule = leaf("level", "eq", 3);
        for (int level = 2; level <= Audience.MAX_LEVELS + 1; level++) {
            rule = Map.of("not", rule);
        }
        Object nine = rule;
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> AudienceParser.parse(nine));
        assertTrue(e.getMessage().contains("8 levels"), e.getMessage());
    }

    @Test
    void refusesSixtyFiveLeaves() {
        List<Object> leaves = new ArrayList<>();
        for (int i = 0; i <= Audience.MAX_LEAVES; i++) {
            leaves.add(leaf("level", "eq", i));
        }
        InvalidRuleException e = assertThrows(InvalidRuleException.class,
                () -> AudienceParser.parse(Map.of("any", leaves)));
        assertTrue(e.getMessage().contains("64 leaves"), e.getMessage());
    }

    static List<Arguments> badRules() {
        Map<String, Object> good = leaf("level", "eq", 3);
        Map<String, Object> mixed = new LinkedHashMap<>(good);
        mixed.put("all", List.of(good));
        Map<String, Object> noValue = new LinkedHashMap<>(good);
        noValue.remove("value");
        return List.of(
                Arguments.of("not an object", "level >= 3"),
                Arguments.of("an array", List.of(good)),
                Arguments.of("an empty object", Map.of()),
                Arguments.of("an empty all", Map.of("all", List.of())),
                Arguments.of("any that is not an array", Map.of("any", good)),
                Arguments.of("a leaf mixed with all", mixed),
                Arguments.of("an unknown field in a leaf", Map.of("attr", "level", "op", "eq", "value", 3, "x", 1)),
                Arguments.of("an unknown operator", leaf("level", "between", 3)),
                Arguments.of("an upper-case operator", leaf("level", "EQ", 3)),
                Arguments.of("an operator that is not a string", leaf("level", 1, 3)),
                Arguments.of("a missing value", noValue),
                Arguments.of("a null value", leaf("level", "eq", null)),
                Arguments.of("an empty attr", leaf("", "eq", 3)),
                Arguments.of("an attr that is not a string", leaf(3, "eq", 3)),
                Arguments.of("an unknown stat", leaf("stats.spent", "gt", 3)),
                Arguments.of("in with a scalar", leaf("city", "in", "Hangzhou")),
                Arguments.of("in with an empty array", leaf("city", "in", List.of())),
                Arguments.of("in with a nested array", leaf("city", "in", List.of(List.of("x")))),
                Arguments.of("contains with a number", leaf("tags", "contains", 3)),
                Arguments.of("exists with a string", leaf("city", "exists", "yes")),
                Arguments.of("gt with a boolean", leaf("level", "gt", true)),
                Arguments.of("eq with an array", leaf("tags", "eq", List.of("vip"))),
                Arguments.of("eq with an object", leaf("level", "eq", Map.of("n", 3))));
    }

    private static Map<String, Object> leaf(Object attr, Object op, Object value) {
        Map<String, Object> leaf = new LinkedHashMap<>();
        leaf.put("attr", attr);
        leaf.put("op", op);
        leaf.put("value", value);
        return leaf;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRules")
    void refusesABadRuleWithAMessage(String name, Object rule) {
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> AudienceParser.parse(rule));
        assertTrue(e.getMessage().startsWith("audience"), e.getMessage());
    }

    @Test
    void writesTheRuleBackAsTheContractSpellsIt() {
        Map<String, Object> rule = Map.of("all", List.of(leaf("level", "gte", new BigDecimal("3")),
                Map.of("not", leaf("tags", "contains", "blocked")), leaf("city", "in", List.of("Hangzhou"))));
        Audience parsed = AudienceParser.parse(rule);
        assertEquals(parsed, AudienceParser.parse(parsed.toTree()));
        assertEquals(rule.toString(), parsed.toTree().toString());
    }
}

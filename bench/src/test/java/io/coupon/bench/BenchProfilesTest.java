package io.coupon.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class BenchProfilesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void putsTheGivenShareOfAHundredThousandUsersInsideWithinHalfAPercent() {
        long inside = 0;
        for (long user = 1; user <= 100_000; user++) {
            inside += BenchProfiles.inside(user, 0.9) ? 1 : 0;
        }
        assertEquals(90_000, inside, 500);
    }

    @Test
    void insideUsersAreGoldOrSilverAndOutsidersBronze() {
        long gold = 0;
        for (long user = 1; user <= 10_000; user++) {
            String tier = BenchProfiles.tier(user, 0.5);
            assertEquals(BenchProfiles.inside(user, 0.5), !tier.equals("bronze"), "user " + user);
            gold += tier.equals("gold") ? 1 : 0;
        }
        assertEquals(2_500, gold, 250, "half of the insiders");
    }

    @Test
    void aShareOfOneTakesEveryoneAndZeroNobody() {
        for (long user = 1; user <= 1_000; user++) {
            assertTrue(BenchProfiles.inside(user, 1.0));
            assertFalse(BenchProfiles.inside(user, 0.0));
        }
    }

    @Test
    void theSameUserIsAlwaysOnTheSameSideAtTheSameShare() {
        assertEquals(BenchProfiles.tier(4242, 0.9), BenchProfiles.tier(4242, 0.9));
        assertEquals(BenchProfiles.fraction(4242), BenchProfiles.fraction(4242));
    }

    @Test
    void writesTheProfileAndTheRulesAsTheContractSpellsThem() throws Exception {
        JsonNode profile = JSON.readTree(BenchProfiles.profileJson(7, 1.0, "run1"));
        assertTrue(profile.get("attributes").get("tier").asText().matches("gold|silver"));
        assertEquals("run1", profile.get("attributes").get("benchRun").asText());

        JsonNode audience = JSON.readTree(BenchProfiles.AUDIENCE);
        assertEquals("in", audience.get("op").asText());
        assertEquals("[\"gold\",\"silver\"]", audience.get("value").toString());
        assertEquals(BenchProfiles.tag(100_000), BenchProfiles.tag(100_000), "a reload of the same size matches");
        JsonNode run = JSON.readTree(BenchProfiles.runAudience("run1"));
        assertEquals("benchRun", run.get("attr").asText());
        assertEquals("eq", run.get("op").asText());
        assertEquals("run1", run.get("value").asText());
    }
}

package io.coupon.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BenchMainTest {

    @Test
    void parsesTheDocumentedCommandLine() {
        BenchOptions o = BenchOptions.parse("flash-sale", "--stock", "10000", "--users", "200000", "--rate", "5000",
                "--duration", "60s", "--url", "http://127.0.0.1:7070/", "--out", "result.json");
        assertEquals("flash-sale", o.scenario());
        assertEquals(10_000, o.stock());
        assertEquals(200_000, o.users());
        assertEquals(5_000, o.rate());
        assertEquals(Duration.ofSeconds(60), o.duration());
        assertEquals("http://127.0.0.1:7070", o.url());
        assertEquals("result.json", o.out().toString());
        assertEquals(Duration.ofMillis(500), BenchOptions.duration("--duration", "500ms"));
        assertEquals(Duration.ofMinutes(2), BenchOptions.duration("--duration", "2m"));
    }

    @Test
    void parsesTheRampOptionsWithDefaultsFromTheRate() {
        BenchOptions o = BenchOptions.parse("ramp", "--rate", "500", "--system", "baseline");
        assertEquals("baseline", o.system());
        assertEquals(500, o.step(), "steps of the starting rate");
        assertEquals(5_000, o.maxRate(), "up to ten times it");
        assertEquals(Duration.ofMillis(80), o.budget(), "the article's P99");
        BenchOptions custom = BenchOptions.parse("ramp", "--rate", "100", "--step", "50", "--max-rate", "300",
                "--p99-budget", "200ms");
        assertEquals(50, custom.step());
        assertEquals(300, custom.maxRate());
        assertEquals(Duration.ofMillis(200), custom.budget());
    }

    @Test
    void theIdleScenarioSendsFiveHundredClaimsUnlessToldOtherwise() {
        assertEquals(500, BenchOptions.parse("idle").claims());
        assertEquals(20, BenchOptions.parse("idle", "--claims", "20").claims());
        assertTrue(BenchOptions.parse("flash-sale").cpuPids().isEmpty(), "no CPU sampled unless asked");
    }

    @Test
    void anAudienceFlashSaleProfilesEveryUserUnlessToldOtherwise() {
        BenchOptions o = BenchOptions.parse("flash-sale", "--audience", "0.9", "--users", "50000");
        assertEquals(0.9, o.audience());
        assertEquals(50_000, o.profiles(), "the users it claims for");
        assertEquals(64, o.loadConcurrency());
        assertTrue(o.loadProfiles());
        BenchOptions again = BenchOptions.parse("flash-sale", "--audience", "0.9", "--load-profiles", "false",
                "--load-concurrency", "16");
        assertFalse(again.loadProfiles(), "an earlier run loaded them");
        assertEquals(16, again.loadConcurrency());
        BenchOptions plain = BenchOptions.parse("flash-sale");
        assertEquals(null, plain.audience());
        assertEquals(0, plain.profiles(), "a plain sale loads nothing");
    }

    @Test
    void issuanceLoadCoversAHundredThousandProfilesByDefault() {
        BenchOptions o = BenchOptions.parse("issuance-load", "--rate", "500", "--duration", "60s");
        assertEquals(100_000, o.profiles());
        assertEquals(Duration.ZERO, o.issuanceWait());
        BenchOptions small = BenchOptions.parse("issuance-load", "--profiles", "200", "--issuance-wait", "30s");
        assertEquals(200, small.profiles());
        assertEquals(Duration.ofSeconds(30), small.issuanceWait());
    }

    @Test
    void rejectsAnAudienceShareOutsideZeroToOneAnEmptyIssuanceAndAVagueLoadFlag() {
        assertThrows("--audience", "flash-sale", "--audience", "1.5");
        assertThrows("--audience", "flash-sale", "--audience", "most");
        assertThrows("--profiles of at least 1", "issuance-load", "--profiles", "0");
        assertThrows("--load-concurrency", "flash-sale", "--load-concurrency", "0");
        assertThrows("true or false", "flash-sale", "--load-profiles", "no");
    }

    private static void assertThrows(String message, String... args) {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse(args));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void rejectsAnUnknownStreamOnlyOptionWithItsUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchMain.run(new String[] {"stream-only", "--clams", "1"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --clams"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("stream-only [--claims"));
    }

    @Test
    void recoveryStartsNoClusterWithoutABuiltServerJarOrOnAHelpFlag() {
        for (String[] args : new String[][] {{"recovery", "--server-jar", "no/such/coupon-server.jar"},
                {"recovery", "--help"}}) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = BenchMain.run(args, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
            assertEquals(2, code, String.join(" ", args));
            assertTrue(err.toString(StandardCharsets.UTF_8).contains("recovery [--coupons"), err.toString());
        }
    }

    @Test
    void rejectsAnUnknownOptionWithUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BenchMain.run(new String[] {"flash-sale", "--stok", "1"}, System.out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown option --stok"));
    }
}

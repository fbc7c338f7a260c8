package io.coupon.bench.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComparisonReportTest {

    @TempDir
    Path dir;

    /** A flash-sale result as the generator writes it, with every latency percentile equal to {@code p99}. */
    private void result(String file, String system, long rate, double achieved, double p99, boolean soldOut)
            throws Exception {
        Files.writeString(dir.resolve(file), String.format("""
                {"scenario": "flash-sale", "system": "%s", "url": "http://x", "offeredRate": %d,
                 "achievedThroughput": %.1f, "failed": 0, "drained": true,
                 "latencyMs": {"count": 10, "p50": %.1f, "p95": %.1f, "p99": %.1f, "p999": %.1f, "max": %.1f},
                 "outcomes": {"201 GRANTED": 5, "409 SOLD_OUT": 5},
                 "checks": {"stock": 5, "serverGranted": %d, "oversold": false, "lostGrants": false, "soldOut": %b}}
                """, system, rate, achieved, p99 / 2, p99, p99, p99, p99, soldOut ? 5 : 4, soldOut));
    }

    private void sampleRun() throws Exception {
        result("flash-sale-0100-1-ours.json", "ours", 100, 100, 20, true);
        result("flash-sale-0100-1-baseline.json", "baseline", 100, 100, 5, true);
        result("flash-sale-0200-1-ours.json", "ours", 200, 190, 120, true);
        result("flash-sale-0200-1-baseline.json", "baseline", 200, 200, 10, true);
        result("flash-sale-0400-1-ours.json", "ours", 400, 390, 30, true);
        result("flash-sale-0400-1-baseline.json", "baseline", 400, 400, 40, false);
        Files.writeString(dir.resolve("stream-only-1.json"), """
                {"benchmark": "stream-only", "threads": 1, "claims": 1000, "warmupClaims": 500, "templates": 2,
                 "decisionsPerSecond": 5000.0, "cpuMsPerDecision": 0.125, "jitCompileMsTimed": 42,
                 "decisionsPerSecondWithStartup": 800.0,
                 "checks": {"granted": 250, "expectedGranted": 250, "correct": true}}
                """);
    }

    @Test
    void tabulatesEachSystemTheRatiosAndTheHighestRateThatHeldInEveryStepUpToTheFirstThatDidNot() throws Exception {
        sampleRun();
        ComparisonReport report = ComparisonReport.read(dir, 80);

        assertEquals(100, report.highestRateHeld("ours"), "200/s went over 80 ms; 400/s does not count after it");
        assertEquals(200, report.highestRateHeld("baseline"), "400/s did not sell out the stock: not correct");
        String md = report.markdown("Run", "- machine: test", "run-comparison.sh", "benchmark-latency.png");
        assertTrue(md.contains("| 100 | 100 | 10.0 | 20.0 | 20.0 | 20.0 | 20.0 | 201 GRANTED 5 · 409 SOLD_OUT 5 | yes |"), md);
        assertTrue(md.contains("| 200 | 190 | 200 | 0.95 | 120.0 | 10.0 | 12.00 |"), md);
        assertTrue(md.contains("NO: 4 of 5 granted"), md);
        assertTrue(md.contains("**ours 100/s, baseline 200/s**"), md);
        assertTrue(md.contains("| 1 | 500 | 1000 | 2 | 5000 | 0.125 | 42 | 800 | 250 / 250 | yes |"), md);
        assertTrue(md.contains("![P99 latency against offered rate, both systems](benchmark-latency.png)"));
    }

    @Test
    void tabulatesTheSteadyMixByKindOfRequestBelowItsTable() throws Exception {
        Files.writeString(dir.resolve("steady-0500-1-ours.json"), """
                {"scenario": "steady", "system": "ours", "url": "http://x", "offeredRate": 500,
                 "achievedThroughput": 498.0, "failed": 0, "drained": true,
                 "latencyMs": {"count": 30, "p50": 10, "p90": 200, "p95": 400, "p99": 800, "p999": 900, "max": 950},
                 "latencyMsByKind": {
                   "claim": {"count": 15, "p50": 9.5, "p90": 30, "p99": 90, "max": 120},
                   "redeem": {"count": 5, "p50": 120, "p90": 400, "p99": 800, "max": 950}},
                 "outcomes": {"claim 201 GRANTED": 15, "redeem 201 LOCKED, 200 USED": 5, "wallet 200": 10},
                 "checks": {"oversold": false, "lostGrants": false}}
                """);
        ComparisonReport report = ComparisonReport.read(dir, 80);

        String md = report.markdown("Run", "", "", "chart.png");

        assertTrue(md.contains("| 500 | claim | 15 | 9.5 | 30.0 | 90.0 | 120 |"), md);
        assertTrue(md.contains("| 500 | redeem | 5 | 120 | 400 | 800 | 950 |"), md);
    }

    @Test
    void tabulatesIdleLatencyColdStartAndCpuPerClaimApartFromTheRateTable() throws Exception {
        Files.writeString(dir.resolve("idle-ours.json"), """
                {"scenario": "idle", "system": "ours", "url": "http://x", "offeredRate": 0,
                 "achievedThroughput": 50.0, "failed": 0, "drained": true,
                 "latencyMs": {"count": 500, "p50": 12.5, "p90": 15.0, "p95": 16.0, "p99": 30.0, "p999": 40.0, "max": 41.0},
                 "outcomes": {"201 GRANTED": 500},
                 "checks": {"stock": 1000, "serverGranted": 500, "oversold": false, "lostGrants": false}}
                """);
        Files.writeString(dir.resolve("cold-start-ours.json"), """
                {"scenario": "flash-sale", "system": "ours", "url": "http://x", "offeredRate": 500,
                 "achievedThroughput": 480.0, "failed": 0, "drained": true,
                 "latencyMs": {"count": 10, "p50": 900, "p90": 2000, "p95": 2000, "p99": 2100, "p999": 2100, "max": 2100},
                 "outcomes": {"201 GRANTED": 4, "202 PENDING": 3, "409 SOLD_OUT": 3},
                 "checks": {"stock": 5, "serverGranted": 5, "oversold": false, "lostGrants": false, "soldOut": true}}
                """);
        Files.writeString(dir.resolve("cpu-baseline.json"), """
                {"scenario": "flash-sale", "system": "baseline", "url": "http://x", "offeredRate": 500,
                 "achievedThroughput": 500.0, "failed": 0, "drained": true,
                 "latencyMs": {"count": 10, "p50": 1, "p90": 1, "p95": 1, "p99": 1, "p999": 1, "max": 1},
                 "outcomes": {"201 GRANTED": 5, "409 SOLD_OUT": 5},
                 "checks": {"stock": 5, "serverGranted": 5, "oversold": false, "lostGrants": false, "soldOut": true},
                 "details": {"cpu": {"claimsAnswered": 10000, "clockTicksPerSecond": 100, "totalCpuMs": 5000.0,
                   "cpuMsPerClaim": 0.5, "jitCpuMs": 500.0, "jitCpuMsPerClaim": 0.05, "processes": [
                     {"name": "server", "pid": 1, "cpuMs": 3000.0, "cpuMsPerClaim": 0.3, "jitCpuMs": 500.0,
                      "jitCpuMsPerClaim": 0.05},
                     {"name": "mariadbd", "pid": 2, "cpuMs": 2000.0, "cpuMsPerClaim": 0.2}]}}}
                """);
        Files.writeString(dir.resolve("cold-start-baseline.json"), """
                {"scenario": "flash-sale", "system": "baseline", "failure": "template not created: timed out"}
                """);
        ComparisonReport report = ComparisonReport.read(dir, 80);

        String md = report.markdown("Run", "", "", "chart.png");

        assertTrue(md.contains("| baseline | – | – | – | – | – | – | – |"
                + " did not run: template not created: timed out | NO |"), md);
        assertTrue(md.contains("| ours | 500 | 12.5 | 15.0 | 30.0 | 41.0 | 201 GRANTED 500 | yes |"), md);
        assertTrue(md.contains("| ours | 500 | 3 | 0 | 900 | 2000 | 2100 | 2100 |"), md);
        assertTrue(md.contains("| baseline | 500 | server | 3000 | 10000 | 0.300 | 0.050 |"), md);
        assertTrue(md.contains("| baseline | 500 | mariadbd | 2000 | 10000 | 0.200 | – |"),
                "a result without the JIT's part shows a dash: " + md);
        assertTrue(md.contains("| baseline | 500 | **all** | 5000 | 10000 | **0.500** | 0.050 |"), md);
        assertTrue(report.runs("flash-sale", "ours").isEmpty(),
                "neither the cold start nor the CPU run is a step of the rate table");
        assertEquals(0, report.highestRateHeld("baseline"));
    }

    @Test
    void replacesOnlyTheGeneratedSectionAndKeepsTheProseAroundIt() {
        String page = "# Benchmarks\n\nhand-written intro\n\n" + ComparisonReport.BEGIN + "\nold table\n"
                + ComparisonReport.END + "\n\n## Analysis\n\nhand-written analysis\n";
        String updated = ComparisonReport.replaceSection(page, "new table");

        assertEquals("# Benchmarks\n\nhand-written intro\n\n" + ComparisonReport.BEGIN + "\nnew table\n"
                + ComparisonReport.END + "\n\n## Analysis\n\nhand-written analysis\n", updated);
        assertEquals(updated, ComparisonReport.replaceSection(updated, "new table"), "idempotent");
        assertTrue(ComparisonReport.replaceSection("# B\n", "t").endsWith(ComparisonReport.BEGIN + "\nt\n"
                + ComparisonReport.END + "\n"), "a page without the markers gets the section appended");
    }

    @Test
    void writesThePageAndAPngChartFromTheCommandLine() throws Exception {
        sampleRun();
        Path doc = dir.resolve("BENCHMARKS.md");
        Files.writeString(doc, "# Benchmarks\n\nprose stays\n");
        Path chart = dir.resolve("chart.png");
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int code = ComparisonReport.run(new String[] {"--results", dir.toString(), "--doc", doc.toString(), "--chart",
                chart.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertEquals(0, code);
        String page = Files.readString(doc);
        assertTrue(page.startsWith("# Benchmarks\n\nprose stays\n"), page);
        assertTrue(page.contains("### Flash sale: baseline"), page);
        byte[] png = Files.readAllBytes(chart);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    }
}

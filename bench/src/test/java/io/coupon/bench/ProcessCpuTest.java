package io.coupon.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

    /** A real line of a Java process: utime (field 14) 4711, stime (field 15) 289. */
    private static final String JAVA_STAT = "3795 (java) S 1 3795 3795 0 -1 4194560 61235 0 12 0 4711 289 0 0 20 0"
            + " 61 0 274546 6123155456 98412 18446744073709551615 1 1 0 0 0 0 0 4096 16898 0 0 0 17 1 0 0 0 0 0";

    @Test
    void addsUserAndSystemTimeFromFieldsFourteenAndFifteen() {
        assertEquals(5_000, ProcessCpu.cpuTicks(JAVA_STAT));
    }

    @Test
    void countsTheFieldsFromTheLastParenthesisSoACommandNameWithSpacesAndParenthesesCannotShiftThem() {
        String tricky = JAVA_STAT.replace("(java)", "(my (odd) name)");

        assertEquals(5_000, ProcessCpu.cpuTicks(tricky));
    }

    @Test
    void refusesALineThatIsNotAProcStatLine() {
        assertThrows(IllegalArgumentException.class, () -> ProcessCpu.cpuTicks("no parenthesis here"));
        assertThrows(IllegalArgumentException.class, () -> ProcessCpu.cpuTicks("1 (java) S 1 2"));
    }

    @Test
    void recognisesTheJvmJitCompilerThreadsByTheirName() {
        assertTrue(ProcessCpu.isJitCompilerThread(JAVA_STAT.replace("(java)", "(C2 CompilerThre)")));
        assertTrue(ProcessCpu.isJitCompilerThread(JAVA_STAT.replace("(java)", "(C1 CompilerThre)")));
        assertFalse(ProcessCpu.isJitCompilerThread(JAVA_STAT.replace("(java)", "(qtp1234-56)")));
        assertFalse(ProcessCpu.isJitCompilerThread(JAVA_STAT));
    }

    @Test
    void countsWhatEachCompilerThreadSpentBetweenTheSamplesAndLeavesOutOneThatEnded() {
        Map<String, Long> atStart = Map.of("11", 100L, "12", 50L, "13", 70L);
        Map<String, Long> atEnd = Map.of("11", 160L, "12", 50L, "14", 30L);

        assertEquals(60 + 0 + 30, ProcessCpu.compilerTicks(atStart, atEnd));
    }

    @Test
    void reportsTheJitPartPerProcessAndInAll() {
        ProcessCpu.Usage usage = new ProcessCpu.Usage(List.of(new ProcessCpu.Spent("server", 1, 3_000, 500),
                new ProcessCpu.Spent("mariadbd", 2, 1_000)), 1_000, 100);

        Map<String, Object> map = usage.toMap();

        assertEquals(500.0, map.get("jitCpuMs"));
        assertEquals(0.5, map.get("jitCpuMsPerClaim"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) map.get("processes");
        assertEquals(0.0, rows.get(1).get("jitCpuMs"), "a process that is not a JVM compiles nothing");
    }

    @Test
    void readsThisProcessOwnCpuTimeWhichOnlyGrows() throws Exception {
        long pid = ProcessHandle.current().pid();
        ProcessCpu cpu = ProcessCpu.start(Map.of("self", pid));

        ProcessCpu.Usage usage = cpu.stop(10);

        assertEquals(List.of("self"), usage.processes().stream().map(ProcessCpu.Spent::name).toList());
        assertEquals(pid, usage.processes().get(0).pid());
        assertTrue(usage.processes().get(0).cpuMs() >= 0);
        assertTrue(usage.ticksPerSecond() > 0);
    }

    @Test
    void reportsEachProcessAndTheTotalPerClaimAnswered() {
        ProcessCpu.Usage usage = new ProcessCpu.Usage(List.of(new ProcessCpu.Spent("server", 1, 3_000),
                new ProcessCpu.Spent("mariadbd", 2, 1_500), new ProcessCpu.Spent("redis-server", 3, 500)), 10_000, 100);

        Map<String, Object> map = usage.toMap();

        assertEquals(10_000L, map.get("claimsAnswered"));
        assertEquals(5_000.0, map.get("totalCpuMs"));
        assertEquals(0.5, map.get("cpuMsPerClaim"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) map.get("processes");
        assertEquals(List.of("server", "mariadbd", "redis-server"), rows.stream().map(r -> r.get("name")).toList());
        assertEquals(0.15, rows.get(1).get("cpuMsPerClaim"));
        assertEquals(0.0, new ProcessCpu.Usage(List.of(), 0, 100).toMap().get("cpuMsPerClaim"), "no claim: no ratio");
    }

    @Test
    void parsesTheCpuPidsOptionInItsOrder() {
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("server", 12L);
        expected.put("mariadbd", 3795L);

        assertEquals(expected, ProcessCpu.parsePids("server=12, mariadbd=3795"));
        assertEquals(List.of("server", "mariadbd"), List.copyOf(BenchOptions.parse("flash-sale", "--cpu-pids",
                "server=12,mariadbd=3795").cpuPids().keySet()));
        assertThrows(IllegalArgumentException.class, () -> ProcessCpu.parsePids("server"));
        assertThrows(IllegalArgumentException.class, () -> ProcessCpu.parsePids("server=x"));
        assertThrows(IllegalArgumentException.class, () -> ProcessCpu.parsePids("server=1,server=2"));
    }
}

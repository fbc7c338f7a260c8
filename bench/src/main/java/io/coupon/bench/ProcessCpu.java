package io.coupon.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CPU time (user + system) that named processes of this machine spend over an interval, read from
 * {@code /proc/<pid>/stat} at its start and end: what a claim costs in CPU on every process involved, the
 * load generator's own work excluded. Linux only.
 *
 * <p>For a JVM it also says how much of that its JIT compiler threads took (from
 * {@code /proc/<pid>/task/<tid>/stat}): a server still compiling its hot paths spends CPU that a warm one does
 * not, and the figure shows which of the two a run measured. The JVM stops idle compiler threads, and the time of
 * one that stopped between the two samples is not counted, so the part is a lower bound.
 */
public final class ProcessCpu {

    /** The kernel's unit for the times in {@code /proc/<pid>/stat} when {@code getconf} cannot be asked. */
    static final long USUAL_CLOCK_TICKS = 100;

    private final Map<String, Long> pids;
    private final Map<String, Long> ticksAtStart;
    private final Map<String, Map<String, Long>> compilerTicksAtStart;
    private final long ticksPerSecond;

    private ProcessCpu(Map<String, Long> pids, Map<String, Long> ticksAtStart,
                       Map<String, Map<String, Long>> compilerTicksAtStart, long ticksPerSecond) {
        this.pids = pids;
        this.ticksAtStart = ticksAtStart;
        this.compilerTicksAtStart = compilerTicksAtStart;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** Takes the first sample of the processes, by name (e.g. {@code server}, {@code mariadbd}) in report order. */
    public static ProcessCpu start(Map<String, Long> pids) throws IOException {
        return new ProcessCpu(new LinkedHashMap<>(pids), sample(pids), compilerSample(pids), clockTicksPerSecond());
    }

    /** Takes the second sample; the processes' CPU since {@link #start}, to be divided by {@code claims}. */
    public Usage stop(long claims) throws IOException {
        Map<String, Long> ticksAtEnd = sample(pids);
        Map<String, Map<String, Long>> compilerTicksAtEnd = compilerSample(pids);
        List<Spent> processes = new ArrayList<>();
        pids.forEach((name, pid) -> processes.add(new Spent(name, pid,
                (ticksAtEnd.get(name) - ticksAtStart.get(name)) * 1000.0 / ticksPerSecond,
                compilerTicks(compilerTicksAtStart.get(name), compilerTicksAtEnd.get(name)) * 1000.0
                        / ticksPerSecond)));
        return new Usage(processes, claims, ticksPerSecond);
    }

    /** Per process, the CPU ticks of each JIT compiler thread alive now, by thread id. */
    private static Map<String, Map<String, Long>> compilerSample(Map<String, Long> pids) {
        Map<String, Map<String, Long>> byProcess = new LinkedHashMap<>();
        pids.forEach((name, pid) -> byProcess.put(name, compilerThreadTicks(Path.of("/proc", String.valueOf(pid),
                "task"))));
        return byProcess;
    }

    private static Map<String, Long> compilerThreadTicks(Path tasks) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        try (var threads = Files.list(tasks)) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    String stat = Files.readString(thread.resolve("stat"), StandardCharsets.US_ASCII);
                    if (isJitCompilerThread(stat)) {
                        ticks.put(thread.getFileName().toString(), cpuTicks(stat));
                    }
                } catch (IOException | IllegalArgumentException e) {
                    // the thread ended while it was read
                }
            }
        } catch (IOException e) {
            // the process is gone; its CPU time is reported as unreadable by sample()
        }
        return ticks;
    }

    /** HotSpot names its JIT threads "C1 CompilerThread0", "C2 CompilerThread1"; Linux keeps 15 characters. */
    static boolean isJitCompilerThread(String stat) {
        int nameStart = stat.indexOf('(');
        return nameStart >= 0 && stat.startsWith("C", nameStart + 1)
                && stat.startsWith(" CompilerThre", nameStart + 3);
    }

    /** The ticks compiler threads spent between the samples; a thread that ended in between is not counted. */
    static long compilerTicks(Map<String, Long> atStart, Map<String, Long> atEnd) {
        long spent = 0;
        for (Map.Entry<String, Long> thread : atEnd.entrySet()) {
            spent += thread.getValue() - atStart.getOrDefault(thread.getKey(), 0L);
        }
        return spent;
    }

    private static Map<String, Long> sample(Map<String, Long> pids) throws IOException {
        Map<String, Long> ticks = new LinkedHashMap<>();
        for (Map.Entry<String, Long> p : pids.entrySet()) {
            Path stat = Path.of("/proc", String.valueOf(p.getValue()), "stat");
            try {
                ticks.put(p.getKey(), cpuTicks(Files.readString(stat, StandardCharsets.US_ASCII)));
            } catch (IOException e) {
                throw new IOException("cannot read the CPU time of " + p.getKey() + " (pid " + p.getValue()
                        + ") from " + stat + ": " + e.getMessage(), e);
            }
        }
        return ticks;
    }

    /**
     * utime + stime, in clock ticks, of one {@code /proc/<pid>/stat} line: fields 14 and 15 counting from 1.
     * The second field is the command name in parentheses, which may itself hold spaces and parentheses, so the
     * fields are counted from the last {@code ')'}.
     */
    static long cpuTicks(String stat) {
        int nameEnd = stat.lastIndexOf(')');
        if (nameEnd < 0) {
            throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
        }
        String[] afterName = stat.substring(nameEnd + 1).trim().split("\\s+");
        // afterName[0] is field 3 (the state), so field n is afterName[n - 3]
        if (afterName.length < 13) {
            throw new IllegalArgumentException("a /proc/<pid>/stat line too short for utime and stime: " + stat);
        }
        return Long.parseLong(afterName[14 - 3]) + Long.parseLong(afterName[15 - 3]);
    }

    /** {@code getconf CLK_TCK}: the ticks per second of the times in {@code /proc}; 100 where it cannot run. */
    static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : USUAL_CLOCK_TICKS;
        } catch (IOException | NumberFormatException e) {
            return USUAL_CLOCK_TICKS;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return USUAL_CLOCK_TICKS;
        }
    }

    /** Parses {@code server=123,mariadbd=456} (the {@code --cpu-pids} option) into names and pids, in order. */
    public static Map<String, Long> parsePids(String value) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String pair : value.split(",")) {
            String[] nameAndPid = pair.trim().split("=", 2);
            try {
                if (nameAndPid.length == 2 && !nameAndPid[0].isBlank()
                        && pids.put(nameAndPid[0].trim(), Long.parseLong(nameAndPid[1].trim())) == null) {
                    continue;
                }
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
            throw new IllegalArgumentException("--cpu-pids must look like server=123,mariadbd=456 (each name once),"
                    + " was " + value);
        }
        return pids;
    }

    /** One process's CPU over the interval, and the part of it its JIT compiler threads took (0 if not a JVM). */
    public record Spent(String name, long pid, double cpuMs, double jitCpuMs) {
        public Spent(String name, long pid, double cpuMs) {
            this(name, pid, cpuMs, 0);
        }
    }

    /** Every process's CPU over the interval, and per claim answered in it. */
    public record Usage(List<Spent> processes, long claims, long ticksPerSecond) {

        public Usage {
            processes = List.copyOf(processes);
        }

        public double totalCpuMs() {
            return processes.stream().mapToDouble(Spent::cpuMs).sum();
        }

        public double totalJitCpuMs() {
            return processes.stream().mapToDouble(Spent::jitCpuMs).sum();
        }

        /** CPU milliseconds per claim answered; 0 when none was. */
        public static double perClaim(double cpuMs, long claims) {
            return claims == 0 ? 0 : Math.round(cpuMs / claims * 10_000) / 10_000.0;
        }

        /** For the result's JSON: per process and total, in ms and ms per claim. */
        public Map<String, Object> toMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("claimsAnswered", claims);
            map.put("clockTicksPerSecond", ticksPerSecond);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Spent p : processes) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", p.name());
                row.put("pid", p.pid());
                row.put("cpuMs", p.cpuMs());
                row.put("cpuMsPerClaim", perClaim(p.cpuMs(), claims));
                row.put("jitCpuMs", p.jitCpuMs());
                row.put("jitCpuMsPerClaim", perClaim(p.jitCpuMs(), claims));
                rows.add(row);
            }
            map.put("processes", rows);
            map.put("totalCpuMs", totalCpuMs());
            map.put("cpuMsPerClaim", perClaim(totalCpuMs(), claims));
            map.put("jitCpuMs", totalJitCpuMs());
            map.put("jitCpuMsPerClaim", perClaim(totalJitCpuMs(), claims));
            return map;
        }
    }
}

package io.coupon.bench.stream;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JIT's accumulated compile time: read at both ends of the timed part, it says whether the part was warm
 * (a JVM that is still compiling spends cores on it that the stream would use).
 */
final class JitClock {

    private JitClock() {
    }

    /** Milliseconds the JIT has spent compiling since the start, or -1 where the JVM does not tell. */
    static long compileMillis() {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : -1;
    }
}

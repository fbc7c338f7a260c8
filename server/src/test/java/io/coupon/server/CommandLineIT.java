package io.coupon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.coupon.contract.config.CouponConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The runnable jar tells what it is, and exits 0 doing so. */
class CommandLineIT {

    private record Run(int exitCode, String output) {
    }

    private static Run run(String... arguments) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("coupon.server.jar", "target/coupon-server.jar")).toAbsolutePath();
        List<String> command = new ArrayList<>(ChildProcess.javaCommand(jar, List.of(), List.of(arguments)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the jar did not exit");
        return new Run(process.exitValue(), output);
    }

    @Test
    void helpListsTheSubcommandsAndEveryVariable() throws Exception {
        Run help = run("--help");
        assertEquals(0, help.exitCode(), help.output());
        for (String command : List.of("reconcile", "broker", "sink", "cluster", "--version")) {
            assertTrue(help.output().contains(command), command + " in " + help.output());
        }
        for (String variable : CouponConfig.VARIABLES) {
            assertTrue(help.output().contains(variable), variable + " in " + help.output());
        }
    }

    @Test
    void versionNamesTheVersionAndTheCommit() throws Exception {
        Run version = run("--version");
        assertEquals(0, version.exitCode(), version.output());
        // Built from a clone, the commit is known: seven or more hex digits.
        assertTrue(Pattern.compile("coupon-server \\d+\\.\\d+\\.\\d+\\S* \\(commit [0-9a-f]{7,}").matcher(
                version.output()).find(), version.output());
    }

    @Test
    void anUnknownCommandIsAUsageError() throws Exception {
        Run unknown = run("frobnicate");
        assertEquals(2, unknown.exitCode(), unknown.output());
        assertTrue(unknown.output().contains("--help"), unknown.output());
    }
}

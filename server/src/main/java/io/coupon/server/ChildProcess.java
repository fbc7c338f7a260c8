package io.coupon.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One process of a {@link LocalCluster}: the same jar, started with its own arguments and environment, its output
 * appended to its own log. It can be stopped politely (SIGTERM, as an orchestrator would), killed (SIGKILL, as a
 * crash would) and started again on the same data folder.
 */
public final class ChildProcess {

    private final String name;
    private final List<String> command;
    private final Map<String, String> environment;
    private final Path log;
    private Process process;

    ChildProcess(String name, List<String> command, Map<String, String> environment, Path log) {
        this.name = name;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.log = log;
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public String env(String variable) {
        return environment.get(variable);
    }

    public synchronized ChildProcess start() throws IOException {
        if (isAlive()) {
            throw new IllegalStateException(name + " is already running");
        }
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // The processes of a local cluster talk to their own plaintext broker: a secured cluster's client settings
        // in the caller's environment are not theirs.
        builder.environment().keySet().removeIf(name -> name.startsWith("KAFKA_") && !environment.containsKey(name));
        builder.environment().putAll(environment);
        process = builder.start();
        return this;
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or handed over. */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /** SIGTERM, then SIGKILL if it has not stopped within the grace period. */
    public synchronized void stop(long graceSeconds) throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
            }
        }
    }

    static List<String> javaCommand(Path jar, List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        return command;
    }

    @Override
    public String toString() {
        return name + (isAlive() ? " (pid " + pid() + ")" : " (stopped)");
    }
}

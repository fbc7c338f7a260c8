package io.coupon.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

final class FreePorts {

    private static final int FIRST_PORT = 20_000;
    private static final Random RANDOM = new Random();
    private static final Set<Integer> given = new HashSet<>();

    private FreePorts() {
    }

    /** The first of {@code count} consecutive ports that were all free a moment ago, for a cluster's HTTP ports. */
    static synchronized int block(int count) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = next();
            if (allFree(first + 1, count - 1)) {
                for (int port = first + 1; port < first + count; port++) {
                    given.add(port);
                }
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports");
    }

    private static boolean allFree(int from, int count) {
        for (int port = from; port < from + count; port++) {
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                socket.setReuseAddress(true);
            } catch (IOException inUse) {
                return false;
            }
        }
        return true;
    }

    /**
     * A free port below the kernel's ephemeral range, never handed out twice in this JVM. A port from the
     * ephemeral range can be taken between the test's pick and a server's bind, or between a kill and a restart,
     * by any outgoing connection's local end (a client retrying a server that is down makes hundreds).
     */
    static synchronized int next() {
        int below = ephemeralLow();
        for (int attempt = 0; attempt < 1_000; attempt++) {
            int port = FIRST_PORT + RANDOM.nextInt(below - FIRST_PORT);
            if (!given.contains(port) && allFree(port, 1)) {
                given.add(port);
                return port;
            }
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int ephemeralLow() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Math.max(FIRST_PORT + 1_000, Integer.parseInt(range.split("\\s+")[0]));
        } catch (IOException | RuntimeException notLinux) {
            return 32_768;
        }
    }
}

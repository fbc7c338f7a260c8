package io.coupon.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Several processes of the one jar on one machine, as an operator would run them on several: one KRaft broker
 * process, {@code streams} instances in role {@code stream} sharing one {@code application.id}, {@code apis}
 * instances in role {@code api} (the first on the entry port), and optionally the MySQL sink worker. Each has its
 * own ports, data folder and log under {@code dir}. Used by {@code coupon-server.jar cluster} and by the fault
 * tests, which kill and restart its processes.
 */
public final class LocalCluster implements AutoCloseable {

    /**
     * @param firstHttpPort the first API instance listens here; the others and the stream instances follow it
     * @param standbyReplicas warm copies of each store on other stream instances
     * @param environment passed to every instance (rate limits, claim wait, MySQL URL …)
     */
    public record Layout(Path jar, Path dir, int streams, int apis, boolean sink, int firstHttpPort,
                         int brokerPort, int controllerPort, int connectPort, int partitions, int standbyReplicas,
                         Map<String, String> environment, List<String> jvmOptions) {

        public static Layout defaults(Path jar, Path dir, int streams, int apis) {
            return new Layout(jar, dir, streams, apis, true, 7070, 9092, 9093, 8083, 12, streams >= 2 ? 1 : 0,
                    Map.of(), List.of("-Xmx768m"));
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final Layout layout;
    private final ChildProcess broker;
    private final List<ChildProcess> streams = new ArrayList<>();
    private final List<ChildProcess> apis = new ArrayList<>();
    private final ChildProcess sink;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public LocalCluster(Layout layout) {
        this.layout = layout;
        broker = child("broker", List.of("broker"), Map.of(
                "COUPON_DATA_DIR", layout.dir().resolve("broker").toString(),
                "COUPON_EMBEDDED_KAFKA_PORT", String.valueOf(layout.brokerPort()),
                "COUPON_EMBEDDED_CONTROLLER_PORT", String.valueOf(layout.controllerPort())));
        int port = layout.firstHttpPort() + layout.apis();
        for (int i = 1; i <= layout.streams(); i++, port++) {
            streams.add(instance("stream-" + i, "stream", port, Map.of()));
        }
        String queryUrls = streams.stream().map(LocalCluster::url).collect(Collectors.joining(","));
        for (int i = 1; i <= layout.apis(); i++) {
            apis.add(instance("api-" + i, "api", layout.firstHttpPort() + i - 1, Map.of("COUPON_QUERY_URL", queryUrls)));
        }
        sink = layout.sink() ? child("sink", List.of("sink"), Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(),
                "COUPON_DATA_DIR", layout.dir().resolve("sink").toString(),
                "COUPON_CONNECT_PORT", String.valueOf(layout.connectPort()),
                "COUPON_PARTITIONS", String.valueOf(layout.partitions()))) : null;
    }

    private ChildProcess instance(String name, String role, int port, Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(Map.of(
                "COUPON_ROLE", role,
                "COUPON_HTTP_HOST", "127.0.0.1",
                "COUPON_ADVERTISED_HOST", "127.0.0.1",
                "COUPON_HTTP_PORT", String.valueOf(port),
                "COUPON_INSTANCE_ID", name,
                "COUPON_DATA_DIR", layout.dir().resolve(name).toString(),
                "KAFKA_BOOTSTRAP_SERVERS", bootstrapServers(),
                "COUPON_PARTITIONS", String.valueOf(layout.partitions()),
                "COUPON_STANDBY_REPLICAS", String.valueOf(layout.standbyReplicas())));
        env.putAll(extra);
        return child(name, List.of(), env);
    }

    private ChildProcess child(String name, List<String> arguments, Map<String, String> own) {
        Map<String, String> env = new HashMap<>(layout.environment());
        env.putAll(own);
        return new ChildProcess(name, ChildProcess.javaCommand(layout.jar(), layout.jvmOptions(), arguments), env,
                layout.dir().resolve("logs").resolve(name + ".log"));
    }

    /** Starts everything and returns once every instance reports healthy. */
    public LocalCluster start() throws Exception {
        startBroker();
        for (ChildProcess stream : streams) {
            stream.start();
        }
        for (ChildProcess api : apis) {
            api.start();
        }
        if (sink != null) {
            sink.start();
        }
        for (ChildProcess instance : instances()) {
            awaitHealthy(instance, START_TIMEOUT);
        }
        return this;
    }

    /** Starts the broker and returns once it accepts connections (a port probe: an admin client would log). */
    public void startBroker() throws Exception {
        broker.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", layout.brokerPort()), 500);
                return;
            } catch (IOException notYet) {
                if (!broker.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not start; see " + broker.log(), notYet);
                }
                Thread.sleep(250);
            }
        }
    }

    /** Waits for {@code /health} to answer 200: started, restored and connected. */
    public void awaitHealthy(ChildProcess instance, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!healthy(instance)) {
            if (!instance.isAlive()) {
                throw new IllegalStateException(instance.name() + " exited; see " + instance.log());
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(instance.name() + " not healthy after " + timeout + "; see "
                        + instance.log());
            }
            Thread.sleep(250);
        }
    }

    public boolean healthy(ChildProcess instance) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(instance) + "/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + layout.brokerPort();
    }

    public static String url(ChildProcess instance) {
        return "http://127.0.0.1:" + instance.env("COUPON_HTTP_PORT");
    }

    public ChildProcess broker() {
        return broker;
    }

    public List<ChildProcess> streams() {
        return List.copyOf(streams);
    }

    public List<ChildProcess> apis() {
        return List.copyOf(apis);
    }

    /** The sink worker, or null when the cluster runs without one. */
    public ChildProcess sink() {
        return sink;
    }

    /** The HTTP instances: API first, then stream. */
    public List<ChildProcess> instances() {
        List<ChildProcess> all = new ArrayList<>(apis);
        all.addAll(streams);
        return all;
    }

    public Layout layout() {
        return layout;
    }

    /** Stops the instances politely, then the broker last so they can leave their group. */
    @Override
    public void close() {
        List<ChildProcess> order = new ArrayList<>(apis);
        if (sink != null) {
            order.add(sink);
        }
        order.addAll(streams);
        order.add(broker);
        for (ChildProcess process : order) {
            try {
                process.stop(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

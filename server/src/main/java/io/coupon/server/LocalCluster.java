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
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Several processes of the one jar on one machine, as an operator would run them on several: {@code brokers} KRaft
 * broker processes (one, or a quorum of three combined broker-controllers), {@code streams} instances in role
 * {@code stream} sharing one {@code application.id}, {@code apis} instances in role {@code api} (the first on the entry port), and optionally the MySQL sink worker. Each has its
 * own ports, data folder and log under {@code dir}. Used by {@code coupon-server.jar cluster} and by the fault
 * tests, which kill and restart its processes.
 */
public final class LocalCluster implements AutoCloseable {

    /**
     * @param brokers       1, or 3 for a quorum whose topics are replicated three times
     * @param brokerPort    the first broker's client port; broker i (from 0) listens on {@code brokerPort + 2i}
     * @param controllerPort the first broker's controller port; broker i's is {@code controllerPort + 2i}
     * @param firstHttpPort the first API instance listens here; the others and the stream instances follow it
     * @param standbyReplicas warm copies of each store on other stream instances
     * @param environment passed to every instance (rate limits, claim wait, MySQL URL …)
     */
    public record Layout(Path jar, Path dir, int brokers, int streams, int apis, boolean sink, int firstHttpPort,
                         int brokerPort, int controllerPort, int connectPort, int partitions, int standbyReplicas,
                         Map<String, String> environment, List<String> jvmOptions) {

        public static Layout defaults(Path jar, Path dir, int streams, int apis) {
            return new Layout(jar, dir, 1, streams, apis, true, 7070, 9092, 9093, 8083, 12, streams >= 2 ? 1 : 0,
                    Map.of(), List.of("-Xmx768m"));
        }

        public int brokerPort(int broker) {
            return brokerPort + 2 * broker;
        }

        public int controllerPort(int broker) {
            return controllerPort + 2 * broker;
        }
    }

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration POLL_EVERY = Duration.ofMillis(250);

    private final Layout layout;
    private final List<ChildProcess> brokers = new ArrayList<>();
    private final List<ChildProcess> streams = new ArrayList<>();
    private final List<ChildProcess> apis = new ArrayList<>();
    private final ChildProcess sink;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public LocalCluster(Layout layout) {
        this.layout = layout;
        if (layout.brokers() != 1 && layout.brokers() != 3) {
            throw new IllegalArgumentException("a cluster runs 1 or 3 brokers, not " + layout.brokers());
        }
        List<String> voters = new ArrayList<>();
        for (int i = 0; i < layout.brokers(); i++) {
            voters.add((i + 1) + "@127.0.0.1:" + layout.controllerPort(i));
        }
        for (int i = 0; i < layout.brokers(); i++) {
            String name = layout.brokers() == 1 ? "broker" : "broker-" + (i + 1);
            Map<String, String> env = new HashMap<>(Map.of(
                    "COUPON_DATA_DIR", layout.dir().resolve(name).toString(),
                    "COUPON_EMBEDDED_KAFKA_PORT", String.valueOf(layout.brokerPort(i)),
                    "COUPON_EMBEDDED_CONTROLLER_PORT", String.valueOf(layout.controllerPort(i))));
            if (layout.brokers() > 1) {
                env.put("COUPON_BROKER_NODE_ID", String.valueOf(i + 1));
                env.put("COUPON_BROKER_QUORUM", String.join(",", voters));
            }
            brokers.add(child(name, List.of("broker"), env));
        }
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

    /**
     * Starts the brokers and returns once each accepts connections (a port probe: an admin client would log). All
     * are started first: a node of three opens its client port only once a majority of the quorum is up.
     */
    public void startBroker() throws Exception {
        for (ChildProcess broker : brokers) {
            if (!broker.isAlive()) {
                broker.start();
            }
        }
        for (int i = 0; i < brokers.size(); i++) {
            awaitListening(brokers.get(i), layout.brokerPort(i));
        }
    }

    /** Starts one broker again (after a kill) and returns once it accepts connections. */
    public void restartBroker(ChildProcess broker) throws Exception {
        broker.start();
        awaitListening(broker, layout.brokerPort(brokers.indexOf(broker)));
    }

    private static void awaitListening(ChildProcess broker, int port) throws Exception {
        await(broker, () -> accepts(port), START_TIMEOUT, () -> didNotStart(broker), () -> didNotStart(broker));
    }

    private static boolean accepts(int port) {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static IllegalStateException didNotStart(ChildProcess broker) {
        return new IllegalStateException(broker.name() + " did not start; see " + broker.log());
    }

    /** Waits for {@code /health} to answer 200: started, restored and connected. */
    public void awaitHealthy(ChildProcess instance, Duration timeout) throws Exception {
        await(instance, () -> healthy(instance), timeout,
                () -> new IllegalStateException(instance.name() + " exited; see " + instance.log()),
                () -> new TimeoutException(instance.name() + " not healthy after " + timeout + "; see "
                        + instance.log()));
    }

    /**
     * Waits until {@code ready} holds; throws what {@code exited} makes as soon as the process is gone (no use
     * waiting on a dead one), and what {@code late} makes once {@code timeout} has passed.
     */
    private static void await(ChildProcess process, Poll.Condition ready, Duration timeout,
                              Supplier<? extends Exception> exited, Supplier<? extends Exception> late)
            throws Exception {
        Poll.Condition readyWhileAlive = () -> {
            if (ready.holds()) {
                return true;
            }
            if (!process.isAlive()) {
                throw exited.get();
            }
            return false;
        };
        if (!Poll.await(readyWhileAlive, timeout, POLL_EVERY)) {
            throw late.get();
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
        List<String> servers = new ArrayList<>();
        for (int i = 0; i < layout.brokers(); i++) {
            servers.add("127.0.0.1:" + layout.brokerPort(i));
        }
        return String.join(",", servers);
    }

    public static String url(ChildProcess instance) {
        return "http://127.0.0.1:" + instance.env("COUPON_HTTP_PORT");
    }

    /** The first (or only) broker. */
    public ChildProcess broker() {
        return brokers.get(0);
    }

    public List<ChildProcess> brokers() {
        return List.copyOf(brokers);
    }

    /** The broker process whose client port is {@code port}. */
    public ChildProcess brokerOnPort(int port) {
        for (int i = 0; i < brokers.size(); i++) {
            if (layout.brokerPort(i) == port) {
                return brokers.get(i);
            }
        }
        throw new IllegalArgumentException("no broker listens on " + port);
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

    /**
     * Stops the instances politely, then the brokers last so the instances can leave their group; the brokers all
     * at once, since the last node of a quorum stopped alone waits in vain for a majority to hand its partitions to.
     */
    @Override
    public void close() {
        List<ChildProcess> order = new ArrayList<>(apis);
        if (sink != null) {
            order.add(sink);
        }
        order.addAll(streams);
        for (ChildProcess process : order) {
            if (!stop(process)) {
                return;
            }
        }
        List<Thread> stopping = new ArrayList<>();
        for (ChildProcess broker : brokers) {
            Thread stopper = new Thread(() -> stop(broker), "stop-" + broker.name());
            stopper.start();
            stopping.add(stopper);
        }
        for (Thread stopper : stopping) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean stop(ChildProcess process) {
        try {
            process.stop(30);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

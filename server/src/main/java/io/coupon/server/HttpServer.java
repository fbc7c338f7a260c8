package io.coupon.server;

import io.coupon.contract.JsonSerdes;
import io.coupon.contract.config.HttpSettings;
import io.coupon.contract.http.ApiException;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.MethodNotAllowedResponse;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP server: the modules' routes, operations endpoints, and the single place where failures become
 * the contract's {@code {"error", "message"}} bodies. Anything unexpected is logged and answered 500, which is
 * a bug to fix, never a way to answer bad input.
 */
final class HttpServer {

    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final long DRAIN_AT_MOST = 1024 * 1024;
    private static final int ACCEPT_QUEUE = 4096;
    private static final int RESPONSE_COPY_BUFFER = 4096;
    private static final int[] BARE_STATUSES = {404, 405, 408, 413};

    private HttpServer() {
    }

    static Javalin start(HttpSettings http, List<Consumer<RoutesConfig>> modules, Health health,
                         PrometheusMeterRegistry meters) {
        return Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.host = http.host();
            cfg.jetty.port = http.port();
            // Every route answers through a future, so a thread is busy only while it parses or writes. Jetty's
            // default pool grows to 250 threads under a burst, and on a cold start (seen at 500 claims/s) 190 of them
            // queued on the producer's and the id generator's locks; a fixed pool keeps the work on the cores.
            cfg.jetty.threadPool = new QueuedThreadPool(http.threads(), http.threads());
            // A flash sale opens thousands of connections in the same second. With the JDK's default listen
            // backlog (50) the kernel overflows its accept queue and resets connections whose request was already
            // sent (seen as "connection reset" under a 2,000-claim burst); the kernel still caps it at somaxconn.
            cfg.jetty.addConnector((server, httpConfig) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
                connector.setHost(http.host());
                connector.setPort(http.port());
                connector.setAcceptQueueSize(ACCEPT_QUEUE);
                // Also how long a request whose body stopped arriving waits before it is answered 408.
                connector.setIdleTimeout(http.idleTimeout().toMillis());
                // An open-loop burst that outpaces the decisions piles up connections; past this many, Jetty stops
                // accepting until some close, instead of the process (which may host the broker) running out of
                // file descriptors: seen at 2,000 claims/s, where the broker lost its log directory to EMFILE.
                server.addBean(new NetworkConnectionLimit(http.maxConnections(), connector));
                return connector;
            });
            cfg.jetty.modifyServer(server -> {
                // On stop, in-flight requests get up to 10 s to be answered before the connections close.
                server.setStopTimeout(10_000);
                // What Jetty refuses before any route sees it is answered in the envelope too, not in HTML.
                server.setErrorHandler(new JsonErrorHandler());
            });
            // A known path with the wrong method is 405 with Allow, not a 404 that says the path does not exist.
            cfg.http.prefer405over404 = true;
            cfg.http.maxRequestSize = http.maxBodyBytes();
            // Javalin copies each answer into Jetty through a buffer of this size, allocated per answer (32 KB by
            // default, a sixth of all allocation at 250 claims/s); an answer is a few hundred bytes, and anything
            // longer is copied in steps. Kept above the compression threshold, so what was compressed still is.
            cfg.http.responseBufferSize = RESPONSE_COPY_BUFFER;
            cfg.jsonMapper(new JavalinJackson(JsonSerdes.mapper(), false));
            RequestTimers timers = new RequestTimers(meters);
            cfg.requestLogger.http(timers::record);

            RoutesConfig routes = cfg.routes;
            ApiAccess access = new ApiAccess(http.apiKeys(), http.internalSecret(), meters);
            // The key first: a caller without one learns nothing, not even that its body is too large.
            routes.before(access::check);
            routes.before(ctx -> rejectOversizedBody(ctx, http.maxBodyBytes()));
            modules.forEach(module -> module.accept(routes));
            routes.get("/health", ctx -> answerHealth(ctx, health));
            routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(meters.scrape()));

            routes.exception(ApiException.class, HttpServer::answer);
            routes.exception(CompletionException.class, (e, ctx) -> answerUnexpected(e.getCause(), ctx));
            routes.exception(HttpResponseException.class, HttpServer::answerUnexpected);
            routes.exception(Exception.class, HttpServer::answerUnexpected);
            // Javalin answers these itself with a bare status (a body that stopped arriving is 408 with nothing
            // in it); the contract wants every answer in the error envelope.
            for (int status : BARE_STATUSES) {
                routes.error(status, HttpServer::answerBare);
            }
        }).start();
    }

    /**
     * Refuses a body over the limit before anything reads it. A moderately large one is drained first, so the
     * client, still sending it, reads the 413 instead of a reset connection; a huge one is not worth reading.
     */
    private static void rejectOversizedBody(Context ctx, int maxBytes) {
        long length = ctx.contentLength();
        if (length <= maxBytes) {
            return;
        }
        if (length <= DRAIN_AT_MOST) {
            try (InputStream body = ctx.req().getInputStream()) {
                body.transferTo(OutputStream.nullOutputStream());
            } catch (IOException ignored) {
                // the client went away; the answer below is all that is left to do
            }
        }
        throw new ApiException(413, "PAYLOAD_TOO_LARGE", "request bodies are limited to " + maxBytes + " bytes");
    }

    private static void answerHealth(Context ctx, Health health) {
        String problem = health.problem();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", problem == null ? "UP" : "DOWN");
        if (problem != null) {
            body.put("reason", problem);
        }
        Map<String, Object> details = health.details();
        if (!details.isEmpty()) {
            body.put("details", details);
        }
        ctx.status(problem == null ? 200 : 503).json(body);
    }

    private static void answer(ApiException e, Context ctx) {
        e.headers().forEach(ctx::header);
        ctx.status(e.status()).json(e.body());
    }

    private static void answerUnexpected(Throwable e, Context ctx) {
        if (e instanceof ApiException api) {
            answer(api, ctx);
        } else if (e instanceof CompletionException && e.getCause() != null) {
            answerUnexpected(e.getCause(), ctx);
        } else if (e instanceof MethodNotAllowedResponse wrongMethod) {
            answer(methodNotAllowed(ctx, wrongMethod), ctx);
        } else if (e instanceof HttpResponseException http) {
            answer(new ApiException(http.getStatus(), ErrorCodes.of(http.getStatus()), http.getMessage()), ctx);
        } else if (e instanceof org.eclipse.jetty.http.HttpException jetty) {
            // Jetty's verdict on the request itself, met while reading the body (a malformed chunk, a body cut
            // short): the client's fault, not ours.
            answer(new ApiException(jetty.getCode(), ErrorCodes.of(jetty.getCode()),
                    ErrorCodes.message(jetty.getCode(), jetty.getReason())), ctx);
        } else {
            LOG.error("unexpected failure on {} {}", ctx.method(), ctx.path(), e);
            answer(new ApiException(500, "INTERNAL", "unexpected server error"), ctx);
        }
    }

    /** Javalin lists the path's methods in the refusal's details; {@code Allow} must carry them. */
    private static ApiException methodNotAllowed(Context ctx, MethodNotAllowedResponse refusal) {
        String allowed = String.join(", ", refusal.getDetails().values());
        return new ApiException(405, ErrorCodes.of(405), ctx.method() + " is not allowed on " + ctx.path()
                + "; allowed: " + allowed, Map.of(), Map.of("Allow", allowed));
    }

    private static void answerBare(Context ctx) {
        String type = ctx.res().getContentType();
        if (type == null || !type.contains("json")) {
            answer(new ApiException(ctx.statusCode(), ErrorCodes.of(ctx.statusCode()),
                    ErrorCodes.message(ctx.statusCode(), null)), ctx);
        }
    }

    /**
     * One timer per method, route and status, found again without building its id on every answer. Buckets only:
     * Prometheus computes the quantiles across instances from them, and quantiles computed in the process (which
     * cannot be aggregated) cost three histogram updates under a lock per answer.
     */
    private static final class RequestTimers {
        private record Key(String method, String route, int status) {
        }

        private final PrometheusMeterRegistry meters;
        private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

        RequestTimers(PrometheusMeterRegistry meters) {
            this.meters = meters;
        }

        void record(Context ctx, Float ms) {
            String route;
            try {
                route = ctx.endpoint().path;
            } catch (RuntimeException e) {
                route = "unmatched";
            }
            timers.computeIfAbsent(new Key(ctx.method().name(), route, ctx.statusCode()), this::timer)
                    .record((long) (ms * 1_000_000), TimeUnit.NANOSECONDS);
        }

        private Timer timer(Key key) {
            return Timer.builder("http.server.requests")
                    .description("HTTP requests answered, by route and status")
                    .tag("method", key.method())
                    .tag("route", key.route())
                    .tag("status", String.valueOf(key.status()))
                    .publishPercentileHistogram()
                    .register(meters);
        }
    }
}

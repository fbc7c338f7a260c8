package io.coupon.bench.baseline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline over HTTP, on the same stack as our server (Javalin on Jetty, the same accept queue), so the
 * comparison measures the designs and not two HTTP servers. Each request is handled start to end on one Jetty
 * worker that blocks on Redis and MariaDB, as a classic servlet stack would (Java 17 has no virtual threads);
 * see {@link BaselineSettings} for how the workers and the pools are sized.
 */
public final class BaselineServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BaselineServer.class);
    private static final int MAX_BODY = 64 * 1024;
    /** As our server: a flash sale opens thousands of connections in the same second. */
    private static final int ACCEPT_QUEUE = 4096;
    /** Threads Jetty keeps for itself on top of the request workers: its acceptor, selectors and reserve. */
    private static final int JETTY_OWN_THREADS = 8;
    private static final Pattern ID = Pattern.compile("\\d{1,19}");
    private static final int MAX_ORDER_ID = 64;

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private final RedisCounters redis;
    private final ShardedMysql mysql;
    private final BaselineService service;
    private final Javalin http;

    private BaselineServer(BaselineSettings s, RedisCounters redis, ShardedMysql mysql) {
        this.redis = redis;
        this.mysql = mysql;
        this.service = new BaselineService(mysql, new BaselineClaims(redis, mysql, s.keyPrefix()), redis,
                Clock.systemUTC());
        this.http = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            // All the workers from the start, like the pools: none is created during the first burst.
            int threads = s.httpThreads() + JETTY_OWN_THREADS;
            QueuedThreadPool pool = new QueuedThreadPool(threads, threads);
            pool.setName("baseline-http");
            cfg.jetty.threadPool = pool;
            cfg.jetty.addConnector((server, httpConfig) -> {
                ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
                connector.setHost(s.host());
                connector.setPort(s.port());
                connector.setAcceptQueueSize(ACCEPT_QUEUE);
                return connector;
            });
            routes(cfg.routes);
        });
    }

    /** Connects to Redis and MariaDB, creates the schema, and starts serving. */
    public static BaselineServer start(BaselineSettings s) throws SQLException {
        RedisCounters redis = new RedisCounters(s.redisHost(), s.redisPort(), s.httpThreads());
        ShardedMysql mysql;
        try {
            if (s.fresh()) {
                redis.deleteAll(s.keyPrefix());
            }
            mysql = new ShardedMysql(s.mysqlUrl(), s.database(), s.mysqlUser(), s.mysqlPassword(), s.dbPool(),
                    s.fresh());
        } catch (SQLException | RuntimeException e) {
            redis.close();
            throw e;
        }
        BaselineServer server = new BaselineServer(s, redis, mysql);
        server.http.start();
        LOG.info("baseline (Redis DECR + 16 MariaDB shards) serving on {}:{}", s.host(), server.port());
        return server;
    }

    public int port() {
        return http.port();
    }

    private void routes(RoutesConfig routes) {
        routes.post("/v1/templates/{id}/claims", ctx -> serve(ctx, () -> service.claim(id(ctx), body(ctx),
                ctx.header("Idempotency-Key"))));
        routes.post("/v1/templates", ctx -> serve(ctx, () -> service.createTemplate(body(ctx))));
        routes.get("/v1/templates/{id}", ctx -> serve(ctx, () -> service.template(id(ctx))));
        routes.get("/v1/users/{id}/coupons", ctx -> serve(ctx, () -> service.wallet(id(ctx))));
        routes.post("/v1/redemptions", ctx -> serve(ctx, () -> service.tryRedemption(body(ctx))));
        routes.post("/v1/redemptions/{orderId}/confirm", ctx -> serve(ctx, () -> {
            String orderId = ctx.pathParam("orderId");
            return orderId.length() > MAX_ORDER_ID ? notFound(ctx) : service.confirm(orderId, body(ctx));
        }));
        routes.get("/health", ctx -> serve(ctx, () -> {
            boolean up = redis.ping() && mysql.ping();
            return new Answer(up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN", "system", "baseline"));
        }));
        // Javalin's own 404 for a path no route matches is plain text; the generator reads the envelope.
        routes.error(404, ctx -> {
            String type = ctx.res().getContentType();
            if (type == null || !type.contains("json")) {
                write(ctx, notFound(ctx));
            }
        });
    }

    /** One request start to end on this worker: the route's answer, or the error envelope for what it threw. */
    private void serve(Context ctx, Route route) throws IOException {
        Answer answer;
        try {
            answer = route.answer();
        } catch (JsonProcessingException e) {
            answer = Answer.error(400, "INVALID_JSON", "the body is not valid JSON");
        } catch (BodyTooLarge e) {
            answer = Answer.error(413, "PAYLOAD_TOO_LARGE", "bodies are limited to 64 KiB");
        } catch (NoSuchId e) {
            answer = notFound(ctx);
        } catch (SQLException | RuntimeException e) {
            answer = Answer.error(503, "UNAVAILABLE", String.valueOf(e.getMessage()));
        }
        write(ctx, answer);
    }

    private void write(Context ctx, Answer answer) throws IOException {
        ctx.status(answer.status()).contentType("application/json");
        if (answer.body() != null) {
            ctx.result(json.writeValueAsBytes(answer.body()));
        }
    }

    private static Answer notFound(Context ctx) {
        return Answer.error(404, "NOT_FOUND", "no such path: " + ctx.method() + " " + ctx.path());
    }

    /** A path's numeric id; anything else names no resource (404), as an unknown path does. */
    private static long id(Context ctx) throws NoSuchId {
        String id = ctx.pathParam("id");
        try {
            if (ID.matcher(id).matches()) {
                return Long.parseLong(id);
            }
        } catch (NumberFormatException beyondLong) {
            // falls through: no resource has that id
        }
        throw new NoSuchId();
    }

    private JsonNode body(Context ctx) throws IOException {
        try (InputStream in = ctx.bodyInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new BodyTooLarge();
            }
            JsonNode node = bytes.length == 0 ? null : json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new JsonProcessingException("not an object") {
                    private static final long serialVersionUID = 1L;
                };
            }
            return node;
        }
    }

    @FunctionalInterface
    private interface Route {
        Answer answer() throws IOException, SQLException;
    }

    private static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    private static final class NoSuchId extends IOException {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public void close() {
        http.stop();
        mysql.close();
        redis.close();
    }
}

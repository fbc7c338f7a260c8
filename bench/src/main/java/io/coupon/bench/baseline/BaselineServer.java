package io.coupon.bench.baseline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The baseline over HTTP: the JDK's HTTP server on a bounded pool of platform threads (Java 17 has no virtual
 * threads), each request handled start to end on one worker that blocks on Redis and MariaDB, as a classic
 * servlet stack would. A full queue is answered 503 at once rather than queued without bound.
 */
public final class BaselineServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BaselineServer.class);
    private static final int MAX_BODY = 64 * 1024;
    private static final Pattern TEMPLATE = Pattern.compile("/v1/templates/(\\d{1,19})");
    private static final Pattern CLAIMS = Pattern.compile("/v1/templates/(\\d{1,19})/claims");
    private static final Pattern WALLET = Pattern.compile("/v1/users/(\\d{1,19})/coupons");
    private static final Pattern CONFIRM = Pattern.compile("/v1/redemptions/([^/]{1,64})/confirm");

    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private final RedisCounters redis;
    private final ShardedMysql mysql;
    private final BaselineService service;
    private final HttpServer http;
    private final ThreadPoolExecutor workers;

    private BaselineServer(BaselineSettings s, RedisCounters redis, ShardedMysql mysql) throws IOException {
        this.redis = redis;
        this.mysql = mysql;
        this.service = new BaselineService(mysql, new BaselineClaims(redis, mysql, s.keyPrefix()), redis,
                Clock.systemUTC());
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(s.httpThreads(), s.httpThreads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(20_000), r -> {
                    Thread t = new Thread(r, "baseline-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, (task, pool) -> {
                    throw new java.util.concurrent.RejectedExecutionException("baseline overloaded");
                });
        this.http = HttpServer.create(new InetSocketAddress(s.host(), s.port()), 4_096);
        http.createContext("/", this::handle);
        http.setExecutor(workers);
    }

    /** Connects to Redis and MariaDB, creates the schema, and starts serving. */
    public static BaselineServer start(BaselineSettings s) throws IOException, SQLException {
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
        return http.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            Answer answer;
            try {
                answer = route(ex);
            } catch (JsonProcessingException e) {
                answer = Answer.error(400, "INVALID_JSON", "the body is not valid JSON");
            } catch (BodyTooLarge e) {
                answer = Answer.error(413, "PAYLOAD_TOO_LARGE", "bodies are limited to 64 KiB");
            } catch (SQLException | RuntimeException e) {
                answer = Answer.error(503, "UNAVAILABLE", String.valueOf(e.getMessage()));
            }
            byte[] body = answer.body() == null ? new byte[0] : json.writeValueAsBytes(answer.body());
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private Answer route(HttpExchange ex) throws IOException, SQLException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        Matcher m;
        if ("POST".equals(method) && (m = CLAIMS.matcher(path)).matches()) {
            return service.claim(Long.parseLong(m.group(1)), body(ex), ex.getRequestHeaders().getFirst("Idempotency-Key"));
        } else if ("POST".equals(method) && "/v1/templates".equals(path)) {
            return service.createTemplate(body(ex));
        } else if ("GET".equals(method) && (m = TEMPLATE.matcher(path)).matches()) {
            return service.template(Long.parseLong(m.group(1)));
        } else if ("GET".equals(method) && (m = WALLET.matcher(path)).matches()) {
            return service.wallet(Long.parseLong(m.group(1)));
        } else if ("POST".equals(method) && "/v1/redemptions".equals(path)) {
            return service.tryRedemption(body(ex));
        } else if ("POST".equals(method) && (m = CONFIRM.matcher(path)).matches()) {
            return service.confirm(m.group(1), body(ex));
        } else if ("GET".equals(method) && "/health".equals(path)) {
            boolean up = redis.ping() && mysql.ping();
            return new Answer(up ? 200 : 503, Map.of("status", up ? "UP" : "DOWN", "system", "baseline"));
        }
        return Answer.error(404, "NOT_FOUND", "no such path: " + method + " " + path);
    }

    private JsonNode body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
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

    private static final class BodyTooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public void close() {
        http.stop(1);
        workers.shutdownNow();
        mysql.close();
        redis.close();
    }
}

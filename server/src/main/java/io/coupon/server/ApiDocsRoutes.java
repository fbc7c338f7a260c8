package io.coupon.server;

import io.coupon.contract.http.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * {@code /docs}: the OpenAPI document rendered by Swagger UI for people, from the copy of Swagger UI inside this
 * jar, so the page works offline and loads nothing from elsewhere. It holds no data, so it needs no key.
 */
final class ApiDocsRoutes {

    static final String PAGE = "/docs";
    static final String ASSETS = "/docs/";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    /** The only files of Swagger UI the page uses; nothing else of the webjar is reachable. */
    private static final Map<String, String> SWAGGER_FILES = Map.of(
            "swagger-ui.css", "text/css; charset=utf-8",
            "swagger-ui-bundle.js", "text/javascript; charset=utf-8");

    private final String swaggerDir;

    ApiDocsRoutes() {
        Properties webjar = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            webjar.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Swagger UI's webjar cannot be read", e);
        }
        swaggerDir = WEBJAR + webjar.getProperty("version") + "/";
    }

    void register(RoutesConfig routes) {
        routes.get(PAGE, ctx -> serve(ctx, "api/docs.html", "text/html; charset=utf-8"));
        routes.get("/docs/docs.js", ctx -> serve(ctx, "api/docs.js", "text/javascript; charset=utf-8"));
        routes.get("/docs/assets/{file}", ctx -> {
            String file = ctx.pathParam("file");
            String type = SWAGGER_FILES.get(file);
            if (type == null) {
                throw new ApiException(404, "NOT_FOUND", "no such file: " + file);
            }
            // The assets of one build never change: a browser may keep them for a day.
            ctx.header("Cache-Control", "public, max-age=86400");
            serve(ctx, swaggerDir + file, type);
        });
    }

    private static void serve(Context ctx, String path, String type) throws IOException {
        try (InputStream in = resource(path)) {
            ctx.contentType(type).result(in.readAllBytes());
        }
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = ApiDocsRoutes.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IOException(path + " is missing from the jar");
        }
        return in;
    }
}

package io.coupon.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.coupon.contract.JsonSerdes;
import io.coupon.contract.http.TemplateView;
import io.coupon.query.TemplateCatalog;
import io.coupon.query.TemplateListView;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;

/**
 * The live dashboard: the page at {@code /}, its script and style under {@code /dashboard/}, and
 * {@code GET /v1/dashboard}, the JSON the page polls (templates with live stock from every instance, and this
 * instance's recent claim and redemption activity). The assets are read from the classpath once, at start.
 */
public final class DashboardRoutes {

    /** What the page polls. {@code templates} is null, and {@code templatesError} says why, when no list came. */
    public record DashboardView(Instant at, List<TemplateView> templates, boolean templatesTruncated,
                                String templatesError, ActivitySampler.Activity activity) {
    }

    private record Asset(String contentType, byte[] bytes) {
    }

    private static final Map<String, Asset> ASSETS = Map.of(
            "index.html", asset("index.html", "text/html; charset=utf-8"),
            "dashboard.js", asset("dashboard.js", "text/javascript; charset=utf-8"),
            "dashboard.css", asset("dashboard.css", "text/css; charset=utf-8"));

    private static final ObjectMapper JSON = JsonSerdes.mapper();

    private final TemplateCatalog catalog;
    private final ActivitySampler activity;
    private final Clock clock;

    public DashboardRoutes(TemplateCatalog catalog, ActivitySampler activity, Clock clock) {
        this.catalog = catalog;
        this.activity = activity;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/", ctx -> serve(ctx, ASSETS.get("index.html")));
        routes.get("/dashboard/dashboard.js", ctx -> serve(ctx, ASSETS.get("dashboard.js")));
        routes.get("/dashboard/dashboard.css", ctx -> serve(ctx, ASSETS.get("dashboard.css")));
        routes.get("/v1/dashboard", this::dashboard);
    }

    private void dashboard(Context ctx) {
        ctx.future(() -> catalog.all().handle((listing, error) -> {
            Instant now = clock.instant();
            if (error != null) {
                return new DashboardView(now, null, false, reason(error), activity.activity());
            }
            TemplateListView view = TemplateListView.of(listing, now);
            return new DashboardView(now, view.templates(), view.truncated(), null, activity.activity());
        }).thenAccept(view -> ctx.header("Cache-Control", "no-store").json(withTextIds(view))));
    }

    /**
     * The view with every template id as a string: ids go up to 2^63 - 1, and a browser reads JSON numbers as
     * doubles, exact only up to 2^53. The public API keeps its numbers; only the page's own endpoint changes.
     */
    private static JsonNode withTextIds(DashboardView view) {
        JsonNode tree = JSON.valueToTree(view);
        tree.path("templates").forEach(t -> ((ObjectNode) t).put("id", t.path("id").asText()));
        return tree;
    }

    private static void serve(Context ctx, Asset asset) {
        ctx.header("Cache-Control", "no-cache").contentType(asset.contentType()).result(asset.bytes());
    }

    private static String reason(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static Asset asset(String name, String contentType) {
        try (InputStream in = DashboardRoutes.class.getResourceAsStream("/dashboard/" + name)) {
            if (in == null) {
                throw new IllegalStateException("dashboard asset missing from the jar: /dashboard/" + name);
            }
            return new Asset(contentType, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package io.coupon.query;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;

/**
 * {@code GET /v1/templates}, an extension of the contract: every template with its live {@code status} and
 * {@code remaining}, sorted by id, at most 1,000. A stream instance also serves the internal endpoint other
 * instances merge from; marked as forwarded, it answers only its own templates.
 */
public final class TemplateListRoutes {

    private final TemplateCatalog catalog;
    private final Clock clock;

    public TemplateListRoutes(TemplateCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/templates", ctx -> ctx.future(() -> catalog.all()
                .thenAccept(listing -> ctx.json(TemplateListView.of(listing, clock.instant())))));
        if (catalog.hasLocalStores()) {
            routes.get(TemplateCatalog.INTERNAL_PATH, this::internal);
        }
    }

    private void internal(Context ctx) {
        if (ctx.header(RemoteReader.FORWARDED_HEADER) != null) {
            ctx.json(catalog.local());
        } else {
            ctx.future(() -> catalog.all().thenAccept(ctx::json));
        }
    }
}

package io.coupon.query;

import io.coupon.contract.http.ApiException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Clock;

/**
 * {@code GET /v1/templates}: the templates with their live {@code status} and {@code remaining}, sorted by id,
 * a page at a time ({@code limit}, at most and by default 1,000; {@code cursor}, the previous page's
 * {@code nextCursor}). A stream instance also serves the internal endpoint other instances merge from; marked
 * as forwarded, it answers only its own templates.
 */
public final class TemplateListRoutes {

    private final TemplateCatalog catalog;
    private final Clock clock;

    public TemplateListRoutes(TemplateCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    public void register(RoutesConfig routes) {
        routes.get("/v1/templates", ctx -> {
            TemplatePage page = TemplatePage.parse(ctx.queryParam("limit"), ctx.queryParam("cursor"));
            ctx.future(() -> catalog.page(page)
                    .thenAccept(listing -> ctx.json(TemplateListView.of(listing, clock.instant()))));
        });
        if (catalog.hasLocalStores()) {
            routes.get(TemplateCatalog.INTERNAL_PATH, this::internal);
        }
    }

    private void internal(Context ctx) {
        TemplatePage page = internalPage(ctx);
        if (ctx.header(RemoteReader.FORWARDED_HEADER) != null) {
            ctx.json(catalog.local(page));
        } else {
            ctx.future(() -> catalog.page(page).thenAccept(ctx::json));
        }
    }

    /** Between instances the position travels as it is; only a client's cursor is opaque. */
    private static TemplatePage internalPage(Context ctx) {
        String after = ctx.queryParam("after");
        String limit = ctx.queryParam("limit");
        try {
            return new TemplatePage(after == null ? 0 : Long.parseLong(after),
                    limit == null ? TemplatePage.MAX_LIMIT : Integer.parseInt(limit));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("after and limit must be a position and a page size");
        }
    }
}

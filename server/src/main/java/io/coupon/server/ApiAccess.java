package io.coupon.server;

import io.coupon.contract.config.ApiKeys;
import io.coupon.contract.config.ApiKeys.Scope;
import io.coupon.contract.http.ApiException;
import io.coupon.query.InternalCalls;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who may do what: every request but the operations endpoints carries {@code Authorization: Bearer <key>} once
 * keys are set, and its key's scope must allow the route. Checked before any route reads the request, so a
 * refused request changes nothing. Unknown paths need a key too: whether a route exists is not told to a caller
 * without one.
 */
final class ApiAccess {

    /** What a route needs. */
    enum Need {
        NOTHING,
        /** Another instance of the platform: the reads forwarded to a key's owner. */
        INSTANCE,
        INTEGRATION,
        MANAGEMENT
    }

    private record Rule(String method, Pattern path, Need need) {
    }

    private static final String ID = "[^/]+";

    /**
     * Operators' routes; everything else under {@code /v1} is the shop's. The dashboard's page and its scripts
     * hold no data and load without a key (a browser cannot send one with a page load); the data it shows
     * ({@code /v1/dashboard}) needs a management key. {@code /internal} is forwarded reads between instances.
     */
    private static final List<Rule> RULES = List.of(
            rule("GET", "/health", Need.NOTHING),
            rule("GET", "/metrics", Need.NOTHING),
            rule("GET", OpenApiRoutes.YAML_PATH, Need.NOTHING),
            rule("GET", OpenApiRoutes.JSON_PATH, Need.NOTHING),
            rule("GET", ApiDocsRoutes.PAGE, Need.NOTHING),
            rule("GET", ApiDocsRoutes.ASSETS + ".*", Need.NOTHING),
            rule("GET", "/", Need.NOTHING),
            rule("GET", "/dashboard/" + ID, Need.NOTHING),
            rule("GET", "/internal/.*", Need.INSTANCE),
            rule("POST", "/v1/templates", Need.MANAGEMENT),
            rule("PATCH", "/v1/templates/" + ID, Need.MANAGEMENT),
            rule("POST", "/v1/templates/" + ID + "/issuances", Need.MANAGEMENT),
            rule("GET", "/v1/templates/" + ID + "/issuances/" + ID, Need.MANAGEMENT),
            rule("GET", "/v1/templates/" + ID + "/report", Need.MANAGEMENT),
            rule("PUT", "/v1/users/" + ID + "/block", Need.MANAGEMENT),
            rule("DELETE", "/v1/users/" + ID + "/block", Need.MANAGEMENT),
            rule("PUT", "/v1/users/" + ID + "/profile", Need.MANAGEMENT),
            rule("GET", "/v1/dashboard", Need.MANAGEMENT));

    private static final Pattern BEARER = Pattern.compile("(?i)bearer\\s+(\\S+)\\s*");

    private final ApiKeys keys;
    private final byte[] internalSecret;
    private final Counter unauthenticated;
    private final Counter forbidden;

    ApiAccess(ApiKeys keys, String internalSecret, MeterRegistry meters) {
        this.keys = keys;
        this.internalSecret = internalSecret == null ? null : ApiKeys.digest(internalSecret);
        this.unauthenticated = refusals(meters, "unauthenticated");
        this.forbidden = refusals(meters, "forbidden");
    }

    private static Rule rule(String method, String path, Need need) {
        return new Rule(method, Pattern.compile(path), need);
    }

    private static Counter refusals(MeterRegistry meters, String reason) {
        return Counter.builder("coupon.http.refused")
                .description("Requests refused for their key: none or unknown (unauthenticated), or of a scope "
                        + "that does not allow the route (forbidden)")
                .tag("reason", reason).register(meters);
    }

    /** What {@code method path} needs; HEAD is a GET without the body. */
    static Need need(String method, String path) {
        String asked = "HEAD".equals(method) ? "GET" : method;
        for (Rule rule : RULES) {
            if (rule.method().equals(asked) && rule.path().matcher(path).matches()) {
                return rule.need();
            }
        }
        return Need.INTEGRATION;
    }

    /** A Javalin before-handler: returns when the request may go on, throws the 401 or 403 otherwise. */
    void check(Context ctx) {
        Need need = need(ctx.method().name(), ctx.path());
        if (need == Need.INSTANCE) {
            checkInstance(ctx.header(InternalCalls.SECRET_HEADER));
            return;
        }
        if (!keys.required() || need == Need.NOTHING) {
            return;
        }
        Optional<Scope> scope = presentedKey(ctx.header("Authorization")).flatMap(keys::scopeOf);
        if (scope.isEmpty()) {
            unauthenticated.increment();
            throw new ApiException(401, "UNAUTHENTICATED",
                    "this request needs Authorization: Bearer <key> with a key of this server", Map.of(),
                    Map.of("WWW-Authenticate", "Bearer"));
        }
        Scope needed = need == Need.MANAGEMENT ? Scope.MANAGEMENT : Scope.INTEGRATION;
        if (!scope.get().allows(needed)) {
            forbidden.increment();
            throw new ApiException(403, "FORBIDDEN", "this key's scope does not allow " + ctx.method().name()
                    + " " + ctx.path() + "; it needs a management key");
        }
    }

    /** A read from outside that claims to be forwarded changes nothing: it is refused before it is read. */
    private void checkInstance(String presented) {
        if (internalSecret == null) {
            return;
        }
        if (!ApiKeys.matches(internalSecret, presented)) {
            unauthenticated.increment();
            throw new ApiException(401, "UNAUTHENTICATED", "internal reads are for the platform's own instances");
        }
    }

    private static Optional<String> presentedKey(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        var matcher = BEARER.matcher(authorization);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}

package io.coupon.bench.baseline;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The baseline's endpoints as plain calls from parsed input to an {@link Answer}. Templates are cached in the
 * process once read (the article caches them; they do not change during a sale).
 */
final class BaselineService {

    private final ShardedMysql mysql;
    private final BaselineClaims claims;
    private final Counters counters;
    private final Clock clock;
    private final Map<Long, BaselineTemplate> templates = new ConcurrentHashMap<>();

    BaselineService(ShardedMysql mysql, BaselineClaims claims, Counters counters, Clock clock) {
        this.mysql = mysql;
        this.claims = claims;
        this.counters = counters;
        this.clock = clock;
    }

    Answer createTemplate(JsonNode body) throws SQLException {
        BaselineTemplate t;
        try {
            t = parseTemplate(body, clock.instant());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Answer.error(400, "INVALID_REQUEST", e.getMessage());
        }
        if (!mysql.insertTemplate(t, clock.instant())) {
            return Answer.error(409, "TEMPLATE_EXISTS", "a template with id " + t.id() + " exists");
        }
        claims.stock(t);
        templates.put(t.id(), t);
        return new Answer(201, view(t, t.totalCount()));
    }

    Answer template(long id) throws SQLException {
        Optional<BaselineTemplate> t = find(id);
        if (t.isEmpty()) {
            return Answer.error(404, "UNKNOWN_TEMPLATE", "no such template");
        }
        // The rows are the truth of what was granted; Redis's counter is shown beside them for the curious.
        long granted = mysql.granted(id);
        Map<String, Object> view = view(t.get(), t.get().totalCount() - granted);
        view.put("granted", granted);
        view.put("redisStock", counters.get(claims.stockKey(id)));
        return new Answer(200, view);
    }

    Answer claim(long templateId, JsonNode body, String idempotencyKey) throws SQLException {
        JsonNode user = body.get("userId");
        if (user == null || !user.canConvertToLong() || !user.isIntegralNumber() || user.asLong() < 1) {
            return Answer.error(400, "INVALID_REQUEST", "userId must be a positive integer");
        }
        long userId = user.asLong();
        String requestId = idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString();
        Map<String, Object> ids = new LinkedHashMap<>();
        ids.put("templateId", templateId);
        ids.put("userId", userId);
        ids.put("requestId", requestId);
        Optional<BaselineTemplate> t = find(templateId);
        if (t.isEmpty()) {
            return Answer.rejected(404, "UNKNOWN_TEMPLATE", "no such template", ids);
        }
        ClaimResult result;
        try {
            result = claims.claim(t.get(), userId, clock.instant());
        } catch (BaselineClaims.RecordNotWritten e) {
            return Answer.error(503, "UNAVAILABLE", e.getMessage());
        }
        if (!result.granted()) {
            return Answer.rejected(409, result.status(), result.status(), ids);
        }
        Map<String, Object> granted = new LinkedHashMap<>();
        granted.put("status", ClaimResult.GRANTED);
        granted.put("couponId", result.couponId());
        granted.put("templateId", templateId);
        granted.put("userId", userId);
        granted.put("expiresAt", result.expiresAt().toString());
        granted.put("requestId", requestId);
        return new Answer(201, granted);
    }

    Answer wallet(long userId) throws SQLException {
        Instant now = clock.instant();
        List<Map<String, Object>> coupons = new ArrayList<>();
        for (ShardedMysql.Row row : mysql.wallet(userId)) {
            Optional<BaselineTemplate> t = find(row.templateId());
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("couponId", row.couponId());
            c.put("templateId", row.templateId());
            c.put("type", t.map(BaselineTemplate::type).orElse(null));
            c.put("discount", t.map(BaselineTemplate::discount).orElse(null));
            c.put("threshold", t.map(BaselineTemplate::threshold).orElse(null));
            c.put("status", "UNUSED".equals(row.status()) && !now.isBefore(row.expiresAt()) ? "EXPIRED" : row.status());
            c.put("acquiredAt", row.acquiredAt().toString());
            c.put("expiresAt", row.expiresAt().toString());
            c.put("orderId", row.orderId());
            c.put("usedAt", row.usedAt() == null ? null : row.usedAt().toString());
            coupons.add(c);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("userId", userId);
        body.put("coupons", coupons);
        return new Answer(200, body);
    }

    /** Try: lock an UNUSED coupon of the user for the order, with an optimistic UPDATE. */
    Answer tryRedemption(JsonNode body) throws SQLException {
        String orderId = text(body, "orderId");
        String couponId = text(body, "couponId");
        JsonNode user = body.get("userId");
        JsonNode amountNode = body.get("orderAmount");
        if (orderId == null || couponId == null || user == null || !user.isIntegralNumber() || amountNode == null
                || !amountNode.isNumber() || amountNode.decimalValue().signum() <= 0) {
            return Answer.error(400, "INVALID_REQUEST", "orderId, userId, couponId and a positive orderAmount are needed");
        }
        long userId = user.asLong();
        BigDecimal amount = amountNode.decimalValue();
        Instant now = clock.instant();
        Optional<ShardedMysql.Row> row = mysql.coupon(userId, couponId);
        if (row.isEmpty()) {
            return Answer.rejected(409, "COUPON_NOT_FOUND", "not this user's coupon", Map.of());
        }
        Optional<BaselineTemplate> t = find(row.get().templateId());
        BigDecimal off = t.map(x -> x.discountOn(amount)).orElse(null);
        String status = row.get().status();
        if ("LOCKED".equals(status) && !orderId.equals(row.get().orderId())) {
            return Answer.rejected(409, "LOCKED", "held by another order", Map.of());
        } else if ("USED".equals(status)) {
            return Answer.rejected(409, "ALREADY_USED", "already used", Map.of());
        } else if (!now.isBefore(row.get().expiresAt())) {
            return Answer.rejected(409, "EXPIRED", "expired", Map.of());
        } else if (off == null) {
            return Answer.rejected(409, "BELOW_THRESHOLD", "the order is below the threshold", Map.of());
        }
        if ("UNUSED".equals(status) && !mysql.lock(userId, couponId, orderId, now)) {
            return Answer.rejected(409, "LOCKED", "held by another order", Map.of());
        }
        Map<String, Object> locked = new LinkedHashMap<>();
        locked.put("orderId", orderId);
        locked.put("couponId", couponId);
        locked.put("status", "LOCKED");
        locked.put("discountAmount", off);
        locked.put("payAmount", amount.subtract(off));
        return new Answer(201, locked);
    }

    Answer confirm(String orderId, JsonNode body) throws SQLException {
        JsonNode user = body.get("userId");
        if (user == null || !user.isIntegralNumber()) {
            return Answer.error(400, "INVALID_REQUEST", "userId must be a positive integer");
        }
        long userId = user.asLong();
        if (mysql.use(userId, orderId, clock.instant())) {
            return new Answer(200, Map.of("status", "USED"));
        }
        Optional<ShardedMysql.Row> order = mysql.order(userId, orderId);
        if (order.isPresent() && "USED".equals(order.get().status())) {
            return new Answer(200, Map.of("status", "USED"));
        }
        return Answer.error(404, "NOT_FOUND", "no such order of this user");
    }

    private Optional<BaselineTemplate> find(long id) throws SQLException {
        BaselineTemplate cached = templates.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<BaselineTemplate> stored = mysql.template(id);
        stored.ifPresent(t -> templates.put(id, t));
        return stored;
    }

    private static Map<String, Object> view(BaselineTemplate t, long remaining) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", t.id());
        view.put("name", t.name());
        view.put("type", t.type());
        view.put("discount", t.discount());
        view.put("threshold", t.threshold());
        view.put("totalCount", t.totalCount());
        view.put("perUserLimit", t.perUserLimit());
        view.put("startTime", t.startTime().toString());
        view.put("endTime", t.endTime().toString());
        view.put("validDays", t.validDays());
        view.put("status", t.statusAt(Instant.now(), remaining));
        view.put("remaining", remaining);
        return view;
    }

    static BaselineTemplate parseTemplate(JsonNode b, Instant now) {
        String name = text(b, "name");
        String type = text(b, "type");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name is required");
        }
        if (type == null || !List.of("CASH", "THRESHOLD", "DISCOUNT").contains(type)) {
            throw new IllegalArgumentException("type must be CASH, THRESHOLD or DISCOUNT");
        }
        BigDecimal discount = money(b, "discount", true);
        BigDecimal threshold = money(b, "threshold", false);
        long total = whole(b, "totalCount", null);
        long limit = whole(b, "perUserLimit", 1L);
        Long validDays = b.has("validDays") && !b.get("validDays").isNull() ? whole(b, "validDays", null) : null;
        long id = b.has("id") ? whole(b, "id", null) : ThreadLocalRandom.current().nextLong(1, 1L << 53);
        Instant start = text(b, "startTime") == null ? now : Instant.parse(text(b, "startTime"));
        String endText = text(b, "endTime");
        if (endText == null) {
            throw new IllegalArgumentException("endTime is required");
        }
        Instant end = Instant.parse(endText);
        if (!end.isAfter(start) || !end.isAfter(now)) {
            throw new IllegalArgumentException("endTime must be after startTime and in the future");
        }
        if (limit > Integer.MAX_VALUE || (validDays != null && validDays > 36_500)) {
            throw new IllegalArgumentException("perUserLimit or validDays out of range");
        }
        return new BaselineTemplate(id, name, type, discount, threshold, total, (int) limit, start, end,
                validDays == null ? null : validDays.intValue());
    }

    private static String text(JsonNode b, String field) {
        JsonNode n = b.get(field);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    private static BigDecimal money(JsonNode b, String field, boolean required) {
        JsonNode n = b.get(field);
        if (n == null || n.isNull()) {
            if (required) {
                throw new IllegalArgumentException(field + " is required");
            }
            return null;
        }
        if (!n.isNumber() || n.decimalValue().signum() < 0 || n.decimalValue().stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException(field + " must be a non-negative amount with at most 2 decimals");
        }
        return n.decimalValue().setScale(2);
    }

    private static long whole(JsonNode b, String field, Long fallback) {
        JsonNode n = b.get(field);
        if (n == null || n.isNull()) {
            if (fallback == null) {
                throw new IllegalArgumentException(field + " is required");
            }
            return fallback;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 1) {
            throw new IllegalArgumentException(field + " must be a positive integer");
        }
        return n.asLong();
    }
}

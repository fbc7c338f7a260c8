package io.coupon.contract.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coupon.contract.JsonSerdes;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request body read strictly: a string is never taken for a number, a fraction never for an integer, and
 * money never has more than 2 decimals. Every failure is a 400 naming the field; unknown fields are ignored.
 */
public final class StrictJson {

    private static final ObjectMapper READER = JsonSerdes.newMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final JsonNode root;

    private StrictJson(JsonNode root) {
        this.root = root;
    }

    public static StrictJson parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw ApiException.badRequest("a JSON object body is required");
        }
        JsonNode root;
        try {
            root = READER.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("unreadable body");
        }
        if (root == null || !root.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object");
        }
        return new StrictJson(root);
    }

    /** A nested object read with the same strictness, e.g. one element of an array. */
    public static StrictJson of(JsonNode node, String where) {
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest(where + " must be a JSON object");
        }
        return new StrictJson(node);
    }

    /** The field as it was sent, or null when absent or null. */
    public JsonNode node(String field) {
        return has(field) ? root.get(field) : null;
    }

    /**
     * The field as plain Java (maps, lists, strings, booleans; whole numbers as Integer, Long or BigInteger,
     * fractions as exact BigDecimal), for the domain's parsers; null when absent.
     */
    public Object plain(String field) {
        JsonNode n = node(field);
        if (n == null) {
            return null;
        }
        try {
            return READER.treeToValue(n, Object.class);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(field + " cannot be read: " + e.getOriginalMessage());
        }
    }

    /** The size in bytes of the field written as compact JSON (0 when absent). */
    public int jsonSize(String field) {
        JsonNode n = node(field);
        if (n == null) {
            return 0;
        }
        try {
            return READER.writeValueAsBytes(n).length;
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(field + " cannot be written back: " + e.getOriginalMessage());
        }
    }

    public boolean has(String field) {
        JsonNode n = root.get(field);
        return n != null && !n.isNull();
    }

    public long positiveLong(String field) {
        JsonNode n = required(field);
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < 1) {
            throw ApiException.badRequest(field + " must be a positive 64-bit integer");
        }
        return n.asLong();
    }

    public Long optionalPositiveLong(String field) {
        return has(field) ? positiveLong(field) : null;
    }

    /** An integer of at least {@code min}; type errors and range errors read the same to the client. */
    public int intAtLeast(String field, int min) {
        JsonNode n = required(field);
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < min) {
            throw ApiException.badRequest(field + " must be an integer of at least " + min);
        }
        return n.asInt();
    }

    public Integer optionalIntAtLeast(String field, int min) {
        return has(field) ? intAtLeast(field, min) : null;
    }

    public long longAtLeast(String field, long min) {
        JsonNode n = required(field);
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.asLong() < min) {
            throw ApiException.badRequest(field + " must be an integer of at least " + min);
        }
        return n.asLong();
    }

    /** A non-negative JSON number with at most 2 decimals, scaled to exactly 2. */
    public BigDecimal money(String field) {
        JsonNode n = required(field);
        if (!n.isNumber()) {
            throw ApiException.badRequest(field + " must be a JSON number");
        }
        BigDecimal value = n.decimalValue();
        if (value.signum() < 0) {
            throw ApiException.badRequest(field + " must not be negative");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw ApiException.badRequest(field + " must have at most 2 decimals");
        }
        if (value.compareTo(new BigDecimal("1000000000000")) >= 0) {
            throw ApiException.badRequest(field + " is too large");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }

    public BigDecimal optionalMoney(String field) {
        return has(field) ? money(field) : null;
    }

    public String text(String field) {
        JsonNode n = required(field);
        if (!n.isTextual()) {
            throw ApiException.badRequest(field + " must be a string");
        }
        return n.asText();
    }

    public Instant instant(String field) {
        String value = text(field);
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(field + " must be an ISO-8601 instant like 2026-11-11T00:00:00Z");
        }
    }

    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String value = text(field);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(field + " has an unknown value '" + value + "'");
        }
    }

    /** The objects of an array field, each read as strictly, {@code min} to {@code max} of them. */
    public List<StrictJson> objects(String field, int min, int max) {
        JsonNode n = required(field);
        if (!n.isArray() || n.size() < min || n.size() > max) {
            throw ApiException.badRequest(field + " must be an array of " + min + " to " + max + " objects");
        }
        List<StrictJson> objects = new ArrayList<>();
        for (JsonNode element : n) {
            if (!element.isObject()) {
                throw ApiException.badRequest(field + " must hold JSON objects only");
            }
            objects.add(new StrictJson(element));
        }
        return objects;
    }

    /** An array of {@code min} to {@code max} strings, each 1 to {@code maxLength} characters. */
    public List<String> strings(String field, int min, int max, int maxLength) {
        JsonNode n = required(field);
        if (!n.isArray() || n.size() < min || n.size() > max) {
            throw ApiException.badRequest(field + " must be an array of " + min + " to " + max + " strings");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : n) {
            if (!element.isTextual() || element.asText().isEmpty() || element.asText().length() > maxLength) {
                throw ApiException.badRequest(field + " must hold strings of 1 to " + maxLength + " characters");
            }
            values.add(element.asText());
        }
        return values;
    }

    /** A nested object, read as strictly. */
    public StrictJson object(String field) {
        JsonNode n = required(field);
        if (!n.isObject()) {
            throw ApiException.badRequest(field + " must be a JSON object");
        }
        return new StrictJson(n);
    }

    /**
     * A JSON object kept as it is (the operator's metadata), at most {@code maxBytes} bytes written compactly,
     * as plain Java values: maps, lists, strings, numbers (BigDecimal for fractions), booleans and nulls.
     */
    public Map<String, Object> freeObject(String field, int maxBytes) {
        JsonNode n = required(field);
        if (!n.isObject()) {
            throw ApiException.badRequest(field + " must be a JSON object");
        }
        try {
            if (READER.writeValueAsBytes(n).length > maxBytes) {
                throw ApiException.badRequest(field + " must be at most " + maxBytes + " bytes of JSON");
            }
            return READER.convertValue(n, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw ApiException.badRequest(field + " is not a readable JSON object");
        }
    }

    private JsonNode required(String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw ApiException.badRequest(field + " is required");
        }
        return n;
    }
}

package io.coupon.ingest;

import io.coupon.contract.http.StrictJson;
import com.fasterxml.jackson.databind.JsonNode;
import io.coupon.contract.http.ApiException;
import io.coupon.domain.Audience;
import io.coupon.domain.AudienceParser;
import io.coupon.domain.InvalidRuleException;
import io.coupon.domain.JsonValues;
import io.coupon.domain.Profile;
import io.coupon.domain.Variant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the precision-marketing parts of requests (audiences, variants, profiles, user lists), strictly: 400s. */
final class MarketingRequests {

    /** The most users one issuance may name. */
    static final int MAX_ISSUANCE_USERS = 2_000;

    private MarketingRequests() {
    }

    /** The field's audience rule, or null when absent. */
    static Audience audience(StrictJson body, String field) {
        if (!body.has(field)) {
            return null;
        }
        try {
            return AudienceParser.parse(writable(body.plain(field), field));
        } catch (InvalidRuleException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /**
     * The client's value, once every number in it can travel on the topics ({@link JsonValues}). Checked here, as
     * the value enters, rather than in the parsers, which also read back the rules already stored.
     */
    static <T> T writable(T value, String field) {
        try {
            JsonValues.requireWritable(value, field);
        } catch (InvalidRuleException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return value;
    }

    /** The template's variants, or null when absent; counts, names and terms are the domain's to check. */
    static List<Variant> variants(StrictJson body) {
        JsonNode node = body.node("variants");
        if (node == null) {
            return null;
        }
        if (!node.isArray()) {
            throw ApiException.badRequest("variants must be an array of {name, weight, discount?, threshold?, "
                    + "maxDiscount?}");
        }
        if (node.size() > Variant.MAX_VARIANTS) {
            throw ApiException.badRequest("variants must hold " + Variant.MIN_VARIANTS + " to " + Variant.MAX_VARIANTS
                    + " variants");
        }
        List<Variant> variants = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            StrictJson v = StrictJson.of(node.get(i), "variants[" + i + "]");
            variants.add(new Variant(v.text("name"), v.intAtLeast("weight", 1), v.optionalMoney("discount"),
                    v.optionalMoney("threshold"), v.optionalMoney("maxDiscount")));
        }
        return variants;
    }

    /** The {@code attributes} of a profile PUT: required, at most 64 and 8 KiB. */
    static Profile profile(StrictJson body) {
        if (!body.has("attributes") || !body.node("attributes").isObject()) {
            throw ApiException.badRequest("attributes is required and must be a JSON object");
        }
        if (body.jsonSize("attributes") > Profile.MAX_BYTES) {
            throw ApiException.badRequest("attributes must be at most " + Profile.MAX_BYTES + " bytes of JSON");
        }
        try {
            return Profile.of((Map<?, ?>) writable(body.plain("attributes"), "attributes"));
        } catch (InvalidRuleException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }

    /** The {@code userIds} of an issuance, without repeats, or null when absent. */
    static List<Long> userIds(StrictJson body) {
        JsonNode node = body.node("userIds");
        if (node == null) {
            return null;
        }
        if (!node.isArray() || node.isEmpty() || node.size() > MAX_ISSUANCE_USERS) {
            throw ApiException.badRequest("userIds must be an array of 1 to " + MAX_ISSUANCE_USERS + " user ids");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (JsonNode id : node) {
            if (!id.isIntegralNumber() || !id.canConvertToLong() || id.asLong() < 1) {
                throw ApiException.badRequest("userIds must hold positive 64-bit integers only");
            }
            ids.add(id.asLong());
        }
        return List.copyOf(ids);
    }
}

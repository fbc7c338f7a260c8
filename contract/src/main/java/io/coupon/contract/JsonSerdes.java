package io.coupon.contract;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.coupon.contract.message.BlocklistEntry;
import io.coupon.contract.message.ClaimCommand;
import io.coupon.contract.message.ClaimGrant;
import io.coupon.contract.message.CouponEvent;
import io.coupon.contract.message.RedemptionCommand;
import io.coupon.contract.message.RedemptionResult;
import io.coupon.contract.message.TemplateResult;
import io.coupon.domain.ClaimOutcome;
import io.coupon.domain.Order;
import io.coupon.domain.Stock;
import io.coupon.domain.Template;
import io.coupon.domain.Wallet;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The one place the JSON mapping of everything on Kafka is defined. Instants are ISO-8601 strings and money
 * is written as a plain decimal, so analysts read the topics without our classes.
 */
public final class JsonSerdes {

    private static final ObjectMapper MAPPER = newMapper();

    private JsonSerdes() {
    }

    /** A fresh mapper with the platform's settings; the HTTP layer builds its own, stricter, from this one. */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new BlackbirdModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                // 20.00 stays 20.00 when a value passes through a tree (views that add fields to a record)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static <T> Serde<T> of(Class<T> type) {
        return Serdes.serdeFrom(serializer(), deserializer(type));
    }

    /** Serializes any value; sinks use it because one processor may forward several message types. */
    public static <T> Serializer<T> serializer() {
        return (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return MAPPER.writeValueAsBytes(value);
            } catch (IOException e) {
                throw new SerializationException("cannot write " + value.getClass().getSimpleName(), e);
            }
        };
    }

    public static <T> Deserializer<T> deserializer(Class<T> type) {
        return (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return MAPPER.readValue(bytes, type);
            } catch (IOException e) {
                throw new SerializationException("not a " + type.getSimpleName() + " on " + topic, e);
            }
        };
    }

    public static Serde<ClaimCommand> claimCommand() {
        return of(ClaimCommand.class);
    }

    public static Serde<ClaimOutcome> claimOutcome() {
        return of(ClaimOutcome.class);
    }

    public static Serde<ClaimGrant> claimGrant() {
        return of(ClaimGrant.class);
    }

    public static Serde<TemplateResult> templateResult() {
        return of(TemplateResult.class);
    }

    public static Serde<CouponEvent> couponEvent() {
        return of(CouponEvent.class);
    }

    public static Serde<Template> template() {
        return of(Template.class);
    }

    public static Serde<Stock> stock() {
        return of(Stock.class);
    }

    public static Serde<Wallet> wallet() {
        return of(Wallet.class);
    }

    public static Serde<RedemptionCommand> redemptionCommand() {
        return of(RedemptionCommand.class);
    }

    public static Serde<RedemptionResult> redemptionResult() {
        return of(RedemptionResult.class);
    }

    public static Serde<Order> order() {
        return of(Order.class);
    }

    public static Serde<BlocklistEntry> blocklistEntry() {
        return of(BlocklistEntry.class);
    }
}

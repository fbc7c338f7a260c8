package io.coupon.topology;

import static io.coupon.domain.TemplateBuilder.aTemplate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.coupon.contract.JsonSerdes;
import io.coupon.domain.Stock;
import io.coupon.domain.Template;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** What the decider keeps decoded must be what a replay reading the store would see. */
class DecodedValuesTest {

    @Test
    void aWrittenTemplateIsReadBackFromTheStoreAsAReplayWouldReadIt() {
        KeyValueStore<Long, Template> store = store(JsonSerdes.stored(Template.class));
        DecodedValues<Long, Template> templates = new DecodedValues<>(store, 10, false);
        Template written = aTemplate(42).build();

        templates.put(42L, written);

        Template read = templates.get(42L);
        assertNotSame(written, read);
        assertEquals(store.get(42L), read);
    }

    @Test
    void aTemplateOnceDecodedIsNotDecodedAgain() {
        DecodedValues<Long, Template> templates =
                new DecodedValues<>(store(JsonSerdes.stored(Template.class)), 10, false);
        templates.put(42L, aTemplate(42).build());

        assertSame(templates.get(42L), templates.get(42L));
    }

    @Test
    void aStockThatReadsBackEqualIsKeptAsWritten() {
        KeyValueStore<Long, Stock> store = store(JsonSerdes.stored(Stock.class));
        DecodedValues<Long, Stock> stock = new DecodedValues<>(store, 10, true);
        Stock written = new Stock(10, 3);

        stock.put(42L, written);

        assertSame(written, stock.get(42L));
        assertEquals(store.get(42L), stock.get(42L));
    }

    @Test
    void anAbsentKeyStaysAbsentUntilWritten() {
        DecodedValues<Long, Stock> stock = new DecodedValues<>(store(JsonSerdes.stored(Stock.class)), 10, true);

        assertNull(stock.get(42L));
        stock.put(42L, new Stock(10, 0));

        assertEquals(new Stock(10, 0), stock.get(42L));
    }

    @Test
    void aDeletedValueIsGoneFromTheStoreAndFromWhatIsKept() {
        KeyValueStore<Long, Stock> store = store(JsonSerdes.stored(Stock.class));
        DecodedValues<Long, Stock> stock = new DecodedValues<>(store, 10, true);
        stock.put(42L, new Stock(10, 3));

        stock.delete(42L);

        assertNull(store.get(42L));
        assertNull(stock.get(42L));
    }

    @Test
    void theLeastRecentlyUsedValueIsDecodedAgainWhenTheCapacityIsExceeded() {
        DecodedValues<Long, Template> templates =
                new DecodedValues<>(store(JsonSerdes.stored(Template.class)), 1, false);
        templates.put(1L, aTemplate(1).build());
        templates.put(2L, aTemplate(2).build());
        Template first = templates.get(1L);

        templates.get(2L);

        assertNotSame(first, templates.get(1L));
        assertEquals(first, templates.get(1L));
    }

    private static <V> KeyValueStore<Long, V> store(Serde<V> values) {
        KeyValueStore<Long, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore("values"),
                Serdes.Long(), values).withLoggingDisabled().build();
        MockProcessorContext<Long, Object> context = new MockProcessorContext<>();
        store.init(context.getStateStoreContext(), store);
        return store;
    }
}

package io.coupon.topology;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A store's most used values, kept decoded, for a processor that is the store's only writer. A flash sale
 * reads one template and its stock on every claim; the record cache in front of the store holds bytes, so each
 * read decoded the template's JSON again: a fifth of the stream thread's time in a profile. Every write goes
 * through here, so what is kept is what the store holds; a processor makes a new one in {@code init}, which
 * Kafka Streams calls again whenever it rebuilds the task's stores.
 * <p>
 * What is kept must be exactly what a read of the store would return, or a replay after a crash (which starts
 * from the store) could decide differently: a written value is kept as written only when its type says that
 * its serialized form reads back equal ({@code keepsWrites}); otherwise a write forgets the key and the next
 * read decodes it from the store, once.
 */
final class DecodedValues<K, V> {

    private final KeyValueStore<K, V> store;
    private final boolean keepsWrites;
    private final Map<K, Optional<V>> decoded;

    /** @param keepsWrites whether a written value reads back equal (a record of numbers does; JSON trees may not) */
    DecodedValues(KeyValueStore<K, V> store, int capacity, boolean keepsWrites) {
        this.store = store;
        this.keepsWrites = keepsWrites;
        this.decoded = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Optional<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(K key) {
        Optional<V> value = decoded.get(key);
        if (value == null) {
            value = Optional.ofNullable(store.get(key));
            decoded.put(key, value);
        }
        return value.orElse(null);
    }

    void put(K key, V value) {
        store.put(key, value);
        if (keepsWrites) {
            decoded.put(key, Optional.ofNullable(value));
        } else {
            decoded.remove(key);
        }
    }

    void delete(K key) {
        store.delete(key);
        decoded.put(key, Optional.empty());
    }
}

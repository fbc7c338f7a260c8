package io.coupon.bench.baseline;

/** The few atomic counter commands the design needs, each one round trip to Redis. */
public interface Counters {

    /** {@code DECR key}: the value after the decrement. */
    long decrement(String key);

    /** {@code INCR key}: the value after the increment. */
    long increment(String key);

    /** {@code SET key value}. */
    void set(String key, long value);

    /** {@code GET key}, or null when the key does not exist. */
    Long get(String key);
}

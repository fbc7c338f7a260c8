package io.coupon.contract.config;

import java.util.Locale;

/** What one process of the same jar does, so the stateless API and the stateful stream scale apart. */
public enum Role {
    /** API, topology and queries in one process: the default, and what a laptop runs. */
    ALL,
    /** Only the HTTP API; queries are forwarded to {@code COUPON_QUERY_URL}. */
    API,
    /**
     * The topology, its interactive queries and the HTTP API (the contract wants every instance to answer every
     * request), without the MySQL sink, which runs once per cluster.
     */
    STREAM;

    public boolean runsStream() {
        return this != API;
    }

    public static Role parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("role must be one of all, api, stream; got '" + value + "'");
        }
    }
}

/**
 * THE COMPARISON, not the platform: the article's Redis + MySQL design of a flash-sale claim, built as faithfully
 * as we could so the benchmark can put our pipeline next to it. A claim {@code DECR}s the template's stock in
 * Redis (and {@code INCR}s it back when it went below zero), {@code INCR}s the user's counter (and takes it back
 * over the limit), then inserts the {@code coupon_record} row in one of 16 shard tables
 * ({@code coupon_record_00} .. {@code _15}, {@code user_id mod 16}) in a transaction, giving both counters back
 * if the insert fails. It answers the same HTTP paths, shapes and status codes as the platform for what the load
 * generator uses. Nothing of the platform is linked in.
 */
package io.coupon.bench.baseline;

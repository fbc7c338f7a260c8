/**
 * Where results leave the platform: the Kafka Connect sink that writes {@code coupon-events} and
 * {@code coupon-templates} into MySQL, sharded 16 ways by user id. Built by its own issue; the module exists so
 * the layout already shows where data leaves.
 */
package io.coupon.connect;

/**
 * Where results leave the platform: the Kafka Connect sink ({@link io.coupon.connect.CouponSinkConnector}) that
 * writes {@code coupon-events} and {@code coupon-templates} into MySQL, sharded 16 ways by user id
 * ({@link io.coupon.connect.ShardRouter}), with the schema in {@link io.coupon.connect.CouponSchema} and the
 * read-back for reconciliation in {@link io.coupon.connect.MysqlCoupons}.
 */
package io.coupon.connect;

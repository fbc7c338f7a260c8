package io.coupon.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MysqlCouponsTest {

    private static final String DB = TestDatabases.freshName();

    @BeforeAll
    static void schema() throws Exception {
        CouponSchema.apply(ShardMap.single(TestDatabases.url(DB)), TestDatabases.USER, TestDatabases.PASSWORD);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        TestDatabases.drop(DB);
    }

    @Test
    void readsCountsAndOneCouponBackAndTruncates() throws Exception {
        insert(1, "20-1", 20, "USED", 3);
        insert(17, "20-2", 20, "UNUSED", 1);
        insert(2, "21-1", 21, "LOCKED", 2);
        try (MysqlCoupons mysql = MysqlCoupons.connect(TestDatabases.url(DB), "root", "")) {
            assertTrue(mysql.reachable());
            assertEquals(Map.of(20L, 2L, 21L, 1L), mysql.countsByTemplate());
            assertEquals(2, mysql.countOfTemplate(20));
            MysqlCoupons.CouponRow row = mysql.coupon("20-1", 1).orElseThrow();
            assertEquals("USED", row.status());
            assertEquals(3, row.version());
            assertEquals(20, row.templateId());
            assertFalse(mysql.coupon("20-1", 2).isPresent(), "looked up in the user's shard only");

            mysql.truncateAll();
            assertEquals(Map.of(), mysql.countsByTemplate());
        }
    }

    @Test
    void saysWhenMysqlIsAway() {
        try (MysqlCoupons away = MysqlCoupons.connect("jdbc:mariadb://127.0.0.1:1/coupon", "root", "")) {
            assertFalse(away.reachable());
        }
    }

    private static void insert(long user, String coupon, long template, String status, long version)
            throws Exception {
        TestDatabases.execute(DB, "INSERT INTO " + ShardRouter.tableOf(user) + " (coupon_id, user_id, template_id,"
                + " status, acquire_time, expires_at, version, updated_at) VALUES ('" + coupon + "', " + user + ", "
                + template + ", '" + status + "', NOW(3), NOW(3), " + version + ", NOW(3))");
    }
}

package io.coupon.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CouponSchemaTest {

    private static final String DB = TestDatabases.freshName();

    @BeforeAll
    static void applySchemaTwice() throws Exception {
        ShardMap shards = ShardMap.single(TestDatabases.url(DB));
        CouponSchema.apply(shards, TestDatabases.USER, TestDatabases.PASSWORD);
        CouponSchema.apply(shards, TestDatabases.USER, TestDatabases.PASSWORD);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        TestDatabases.drop(DB);
    }

    @Test
    void createsSixteenShardTablesAndTheTemplateTable() throws Exception {
        List<String> tables = TestDatabases.rows(DB, "SELECT TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = '" + DB + "' ORDER BY TABLE_NAME");
        List<String> expected = new java.util.ArrayList<>();
        ShardRouter.allShards().forEach(s -> expected.add(ShardRouter.table(s)));
        expected.add(CouponSchema.TEMPLATE_TABLE);
        assertEquals(expected, tables);
    }

    @Test
    void shardTablesCarryTheCoveringWalletIndexAndTheTemplateIndex() throws Exception {
        for (int shard : ShardRouter.allShards()) {
            String table = ShardRouter.table(shard);
            assertEquals(CouponSchema.WALLET_INDEX_COLUMNS, indexColumns(table, CouponSchema.WALLET_INDEX), table);
            assertEquals(List.of("template_id"), indexColumns(table, CouponSchema.TEMPLATE_INDEX), table);
        }
    }

    @Test
    void walletQueryIsAnsweredFromTheIndexAlone() throws Exception {
        List<String> plan = TestDatabases.rows(DB, "EXPLAIN SELECT coupon_id, template_id, expires_at FROM coupon_05"
                + " WHERE user_id = 5 AND status = 'UNUSED' ORDER BY expires_at");
        String only = plan.get(0);
        assertTrue(only.contains(CouponSchema.WALLET_INDEX), only);
        assertTrue(only.contains("Using index"), only);
    }

    @Test
    void applyingAgainKeepsTheRows() throws Exception {
        TestDatabases.execute(DB, "INSERT INTO coupon_01 (coupon_id, user_id, template_id, status, acquire_time,"
                + " expires_at, version, updated_at) VALUES ('9-1', 1, 9, 'UNUSED', NOW(3), NOW(3), 1, NOW(3))");
        CouponSchema.apply(ShardMap.single(TestDatabases.url(DB)), TestDatabases.USER, TestDatabases.PASSWORD);
        assertEquals(1, TestDatabases.count(DB, "SELECT COUNT(*) FROM coupon_01 WHERE coupon_id = '9-1'"));
    }

    @Test
    void aShardTableFromBeforeExperimentsGainsTheVariantColumnKeepingItsRows() throws Exception {
        TestDatabases.execute(DB, "INSERT INTO coupon_02 (coupon_id, user_id, template_id, status, acquire_time,"
                + " expires_at, version, updated_at) VALUES ('9-2', 2, 9, 'UNUSED', NOW(3), NOW(3), 1, NOW(3))");
        TestDatabases.execute(DB, "ALTER TABLE coupon_02 DROP COLUMN variant");

        CouponSchema.apply(ShardMap.single(TestDatabases.url(DB)), TestDatabases.USER, TestDatabases.PASSWORD);

        assertEquals(1, TestDatabases.count(DB, "SELECT COUNT(*) FROM coupon_02 WHERE coupon_id = '9-2'"
                + " AND variant IS NULL"));
    }

    @Test
    void aTemplateTableFromBeforePrecisionMarketingGainsAudienceAndVariantsKeepingItsRows() throws Exception {
        TestDatabases.execute(DB, "INSERT INTO coupon_template (id, name, type, discount, total_count, per_user_limit,"
                + " start_time, end_time, updated_at) VALUES (9, 'nine', 'CASH', 5.00, 10, 1, NOW(3), NOW(3), NOW(3))");
        TestDatabases.execute(DB, "ALTER TABLE coupon_template DROP COLUMN audience, DROP COLUMN variants");

        CouponSchema.apply(ShardMap.single(TestDatabases.url(DB)), TestDatabases.USER, TestDatabases.PASSWORD);

        assertEquals(1, TestDatabases.count(DB, "SELECT COUNT(*) FROM coupon_template WHERE id = 9"
                + " AND audience IS NULL AND variants IS NULL"));
    }

    private static List<String> indexColumns(String table, String index) throws Exception {
        return TestDatabases.rows(DB, "SELECT COLUMN_NAME FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = '"
                + DB + "' AND TABLE_NAME = '" + table + "' AND INDEX_NAME = '" + index + "' ORDER BY SEQ_IN_INDEX");
    }
}

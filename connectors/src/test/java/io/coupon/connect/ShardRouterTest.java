package io.coupon.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardRouterTest {

    @Test
    void routesUserIdModuloSixteen() {
        assertEquals(0, ShardRouter.shardOf(0));
        assertEquals(1, ShardRouter.shardOf(1));
        assertEquals(15, ShardRouter.shardOf(15));
        assertEquals(0, ShardRouter.shardOf(16));
        assertEquals(2, ShardRouter.shardOf(1_000_002));
        assertEquals(15, ShardRouter.shardOf(Long.MAX_VALUE));
    }

    @Test
    void negativeIdsStillLandInZeroToFifteen() {
        assertEquals(15, ShardRouter.shardOf(-1));
        assertEquals(0, ShardRouter.shardOf(-16));
        assertEquals(13, ShardRouter.shardOf(-3));
        assertEquals(0, ShardRouter.shardOf(Long.MIN_VALUE));
        for (long id = -100; id < 100; id++) {
            int shard = ShardRouter.shardOf(id);
            assertEquals(Math.floorMod(id, 16L), shard);
        }
    }

    @Test
    void namesSixteenTablesWithTwoDigits() {
        assertEquals("coupon_00", ShardRouter.table(0));
        assertEquals("coupon_07", ShardRouter.table(7));
        assertEquals("coupon_15", ShardRouter.table(15));
        assertEquals("coupon_13", ShardRouter.tableOf(-3));
        Set<String> tables = new HashSet<>();
        ShardRouter.allShards().forEach(s -> tables.add(ShardRouter.table(s)));
        assertEquals(16, tables.size());
    }

    @Test
    void refusesShardsOutsideTheSixteen() {
        assertThrows(IllegalArgumentException.class, () -> ShardRouter.table(16));
        assertThrows(IllegalArgumentException.class, () -> ShardRouter.table(-1));
    }
}

package io.coupon.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardMapTest {

    private static final String H0 = "jdbc:mariadb://h0:3306/coupon";
    private static final String H1 = "jdbc:mariadb://h1:3306/coupon";
    private static final String H2 = "jdbc:mariadb://h2:3306/coupon?useSsl=true&x=y";

    @Test
    void absentMapPutsEveryShardOnTheDefaultUrl() {
        ShardMap map = ShardMap.parse("", H0);
        assertEquals(Set.of(H0), map.urls());
        assertEquals(ShardRouter.allShards(), map.shardsOn(H0));
        assertEquals(H0, map.templateUrl());
        assertEquals(map.urls(), ShardMap.parse(null, H0).urls());
    }

    @Test
    void rangesSplitTheShardsAndUrlsMayCarryOptions() {
        ShardMap map = ShardMap.parse("0-7=" + H1 + "; 8-15=" + H2, H0);
        assertEquals(List.of(H1, H2), List.copyOf(map.urls()));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7), map.shardsOn(H1));
        assertEquals(H2, map.urlOf(12));
        assertEquals(H1, map.templateUrl());
    }

    @Test
    void shardsTheMapLeavesOutStayOnTheDefaultUrl() {
        ShardMap map = ShardMap.parse("3=" + H1 + ";10-11=" + H2, H0);
        assertEquals(H1, map.urlOf(3));
        assertEquals(List.of(10, 11), map.shardsOn(H2));
        assertEquals(13, map.shardsOn(H0).size());
        assertEquals(H0, map.templateUrl());
    }

    @Test
    void refusesOverlapsBadRangesAndNonJdbcUrls() {
        assertThrows(IllegalArgumentException.class, () -> ShardMap.parse("0-8=" + H1 + ";8-15=" + H2, H0));
        assertThrows(IllegalArgumentException.class, () -> ShardMap.parse("0-16=" + H1, H0));
        assertThrows(IllegalArgumentException.class, () -> ShardMap.parse("7-3=" + H1, H0));
        assertThrows(IllegalArgumentException.class, () -> ShardMap.parse("a-b=" + H1, H0));
        assertThrows(IllegalArgumentException.class, () -> ShardMap.parse("0-15", H0));
        assertThrows(IllegalArgumentException.class, () -> ShardMap.parse("0-15=mysql://h", H0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ShardMap.parse("0-7=" + H1, ""));
        assertTrue(e.getMessage().contains("default URL"), e.getMessage());
    }

    @Test
    void splitsJdbcUrlsIntoServerAndDatabase() {
        assertEquals(new JdbcUrl("jdbc:mariadb://h1:3306/", "coupon"), JdbcUrl.parse(H1));
        assertEquals(new JdbcUrl("jdbc:mariadb://h2:3306/?useSsl=true&x=y", "coupon"), JdbcUrl.parse(H2));
        assertThrows(IllegalArgumentException.class, () -> JdbcUrl.parse("jdbc:mariadb://h1:3306"));
        assertThrows(IllegalArgumentException.class, () -> JdbcUrl.parse("jdbc:mariadb://h1:3306/?x=y"));
        assertThrows(IllegalArgumentException.class, () -> JdbcUrl.parse("h1:3306/coupon"));
    }
}

package io.coupon.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void namesEachRequestWithARandomVersion4Uuid() {
        UUID id = UUID.fromString(RequestIds.next());
        assertEquals(4, id.version());
        assertEquals(2, id.variant());
    }

    @Test
    void neverRepeatsAnId() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(RequestIds.next());
        }
        assertEquals(100_000, ids.size());
    }
}

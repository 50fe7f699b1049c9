package org.syscalllab.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExactCacheTest {

    @Test
    void evictsTheLeastRecentlyUsedWayOfTheSet() {
        ExactCache c = new ExactCache(8, 4);          // 2 sets of 4 ways; even lines map to set 0
        for (long l = 0; l < 8; l += 2) assertFalse(c.access(l, Owner.USER));
        assertTrue(c.access(0, Owner.USER));          // 0 becomes most recent; 2 is now the LRU
        assertFalse(c.access(8, Owner.KERNEL));       // evicts 2
        assertFalse(c.contains(2));
        assertTrue(c.contains(0));
        assertEquals(1, (long) c.evicted(Owner.USER, Owner.KERNEL));
        assertEquals(3, (long) c.occupancy(Owner.USER));
        assertEquals(1, (long) c.occupancy(Owner.KERNEL));
        assertTrue(c.access(1, Owner.USER) == false && c.contains(1), "odd lines use the other set");
    }

    @Test
    void aHitKeepsTheLinesOwner() {
        ExactCache c = new ExactCache(4, 4);
        c.access(5, Owner.USER);
        assertTrue(c.access(5, Owner.KERNEL));
        assertEquals(1, (long) c.occupancy(Owner.USER));
        assertEquals(0, (long) c.occupancy(Owner.KERNEL));
    }

    @Test
    void nonPowerOfTwoSetCountsWork() {
        ExactCache c = new ExactCache(12, 4);         // 3 sets
        for (long l = 0; l < 12; l++) assertFalse(c.access(l, Owner.USER));
        for (long l = 0; l < 12; l++) assertTrue(c.access(l, Owner.USER));
    }
}

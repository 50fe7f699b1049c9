package org.syscalllab.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlatformTest {

    @Test
    void flexscNehalemHasThePapersStatedConstants() {
        Platform p = Platforms.flexscNehalem();
        assertEquals(4, p.cores());
        assertEquals(2.3e9, p.clockHz());
        assertEquals(512, p.l1d().lines());
        assertEquals(64, p.dtlb().entries());
        assertEquals(250, p.memoryLatencyCycles());
        assertEquals(150, p.syscallRoundTripCycles());
        assertEquals(64, p.lineBytes());
        assertEquals(8192, p.lastLevel().sets());
    }

    @Test
    void everyPresetBuildsAndIsNamedAsListed() {
        for (String n : Platforms.names()) {
            Platform p = Platforms.byName(n);
            assertEquals(n, p.name());
            assertTrue(p.caches().size() >= 2);
        }
    }

    @Test
    void withMethodsCopyAndChangeOneField() {
        Platform p = Platforms.flexscNehalem();
        Platform q = p.withL1d(p.l1d().withSizeBytes(64 * 1024)).withCores(1);
        assertEquals(1024, q.l1d().lines());
        assertEquals(1, q.cores());
        assertEquals(512, p.l1d().lines());
        assertEquals(p.l2(), q.l2());
        assertFalse(p.withoutL3().l3().isPresent());
    }

    @Test
    void badValuesNameTheFieldAndRange() {
        Platform p = Platforms.flexscNehalem();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.withCores(0));
        assertTrue(e.getMessage().startsWith("cores = 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.withMissOverlap(1.5));
        assertTrue(e.getMessage().contains("miss_overlap"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CacheLevel.of("l1d", 1000, 8, 64, 4));
        assertTrue(e.getMessage().contains("l1d.size_bytes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.withL2(CacheLevel.of("l2", 256 * 1024, 8, 32, 11)));
        assertTrue(e.getMessage().contains("l2.line_bytes"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Platforms.byName("vax"));
    }
}

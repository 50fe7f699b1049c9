package org.syscalllab.papers.cosy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PageCacheTest {
    static final Testbed.DiskSpec SPEC = new Testbed.DiskSpec(1_000_000, 6.0, 0.6, 10.5, 40, 0.1);

    @Test
    void sequentialRequestsSkipSeekAndRotation() {
        Disk d = new Disk(SPEC, 1e9);
        long first = d.submit(0, 1000, 1);
        long second = d.submit(first, 1001, 1) - first;
        long random = d.submit(first + second, 500_000, 1) - (first + second);
        assertTrue(second < first && random > 10 * second, second + " vs " + random);
    }

    @Test
    void cleanPagesAreEvictedWithoutWaiting() {
        PageCache c = new PageCache(32, 64, 0.3, 0.6, 0.2, new Disk(SPEC, 1e9));
        long t = 0;
        for (int i = 0; i < 100; i++) t = c.insert(t, i, i);
        assertEquals(0, t);
        assertEquals(32, c.size());
        assertTrue(c.contains(99) && !c.contains(0));
    }

    @Test
    void dirtyPagesBeyondTheSyncThresholdThrottleTheWriter() {
        Disk d = new Disk(SPEC, 1e9);
        PageCache c = new PageCache(64, 64, 0.3, 0.6, 0.2, d);
        long t = 0;
        for (int i = 0; i < 60; i++) {
            t = c.insert(t, i, i);
            t = c.markDirty(t, c.lookup(i));
        }
        assertTrue(t > 0, "the writer waited for writeback");
        assertTrue(c.dirtyPages() <= 0.6 * 64 + 1);
        assertTrue(d.requests() > 0);
        long end = c.sync(t);
        assertEquals(0, c.dirtyPages());
        assertTrue(end >= t);
    }

    @Test
    void thresholdsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new PageCache(64, 64, 0.5, 0.4, 0.2, new Disk(SPEC, 1e9)));
    }
}

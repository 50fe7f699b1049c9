package org.syscalllab.papers.clustercalls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CacheLinesTest {
    @Test
    void aLoadWaitsForAnotherCoresLockedOperationAndThenFetchesTheLine() {
        CacheLines c = new CacheLines(40, 20);
        int line = c.allocate(1, 1);
        assertEquals(60, c.atomic(line, 2, 0), "core 2 fetches the line from core 1 and locks it for 20 cycles");
        assertEquals(50 + 40, c.load(line, 3, 10), "core 3 waits until cycle 60, then fetches the line");
        assertEquals(0, c.load(line, 3, 200), "a second load hits the core's own copy");
        assertEquals(40 + 20, c.atomic(line, 3, 200), "exchanging a shared line fetches it for ownership again");
        assertEquals(0, c.load(line, 3, 300) + c.atomic(line, 3, 300) - 20, "on a line the core owns alone only the lock costs");
    }
}

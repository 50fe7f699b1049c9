package org.syscalllab.mech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class IoUringTest {
    private static final CostModel COSTS = new CostModel() {
        @Override public long crossingCycles() { return 500; }
        @Override public long kernelCycles(CallRequest call) { return call.kernelInstructions(); }
        @Override public long userCycles(long instructions) { return instructions; }
        @Override public long copyCycles(long bytes) { return bytes / 8; }
        @Override public double clockHz() { return 1e9; }
    };

    private static List<CallRequest> calls(int n) {
        return Collections.nCopies(n, new CallRequest("read", 1000, 100, 64, true, false));
    }

    @Test
    void oneEnterPerBatchCappedByTheRing() {
        CallCost c = new IoUring(8, 32, false, 10, 50).execute(calls(20), COSTS);
        assertEquals(3, c.crossings());               // 20 SQEs, 8 per enter
        assertEquals(20, c.callsExecuted());
        assertEquals(3 * 500, c.crossingCycles());
        assertEquals(20 * (1000 + 50), c.kernelCycles());
    }

    @Test
    void sqpollMakesNoCrossingButDoesTheSameKernelWork() {
        CallCost poll = new IoUring(64, 16, true, 10, 50).execute(calls(40), COSTS);
        CallCost sync = new SyncTrap().execute(calls(40), COSTS);
        assertEquals(0, poll.crossings());
        assertEquals(40, sync.crossings());
        assertEquals(sync.kernelCycles() + 40 * 50, poll.kernelCycles());
        assertEquals(sync.copyCycles(), poll.copyCycles());
    }

    @Test
    void ringSizeMustBeAPowerOfTwo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new IoUring(100, 8, false, 0, 0));
        assertEquals(true, e.getMessage().contains("sq_entries = 100"));
    }
}

package org.syscalllab.mech;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ClusterCallTest {
    static final ClusterCallCosts COSTS = new ClusterCallCosts(152, 140, 20, 45, 20, 40, 300, 250, 600, 1500, 8000, 100, 80);

    @Test
    void bufferMovesSlotsThroughTheirStatesAndStacksAreLifoRepliesFifo() {
        ClusterCallBuffer b = new ClusterCallBuffer(2);
        b.request(3, 0, 10);
        b.request(7, 0, 11);
        b.request(5, 1, 12);
        int[] out = new int[ClusterCallBuffer.SLOTS];
        assertEquals(2, b.take(0, out));
        assertArrayEquals(new int[]{7, 3}, java.util.Arrays.copyOf(out, 2));
        assertEquals(1, b.stacked(1));
        b.reply(3, 42);
        b.reply(7, 43);
        assertThrows(IllegalStateException.class, () -> b.reply(3, 1), "a second reply for one call");
        assertThrows(IllegalStateException.class, () -> b.reply(5, 1), "a reply for a call never handed to the kernel");
        assertEquals(2, b.drain(out));
        assertArrayEquals(new int[]{3, 7}, java.util.Arrays.copyOf(out, 2));
        assertEquals(42, b.result(3));
        assertEquals(1, b.inUse());
        b.request(3, 1, 10); // a drained slot can take a new call
        assertThrows(IllegalStateException.class, () -> b.request(5, 0, 1), "slot 5 is still pending");
    }

    @Test
    void barrierLimitsConcurrencyAndDetectsBlocking() {
        ClusterCallBarrier bar = new ClusterCallBarrier(1);
        for (int w = 0; w < 3; w++) bar.enlist(w);
        int[] woken = bar.signal(5);
        assertEquals(1, woken.length, "concurrency 1 wakes one worker");
        assertEquals(2, woken[0], "waiting workers leave last-in first-out");
        int other = bar.onBlocked(4);
        assertTrue(other >= 0, "a worker blocking in a call lets another run while work is queued");
        assertEquals(1, bar.active());
        bar.onUnblocked();
        assertEquals(2, bar.active(), "the resumed worker over-subscribes the pool");
        assertFalse(bar.mayProceed(2), "an over-subscribed pool makes the next asking worker wait");
        assertTrue(bar.mayProceed(other));
        bar.resetAndWait(other);
        assertFalse(bar.isSet());
        assertEquals(0, bar.signal(0).length, "no work, nobody woken");
    }

    @Test
    void waitModes() {
        assertTrue(ClusterCallWaitMode.NO_WAIT.satisfied(0, 5, 1, false));
        assertFalse(ClusterCallWaitMode.WAIT_ANY.satisfied(0, 5, 1, false));
        assertTrue(ClusterCallWaitMode.WAIT_ANY.satisfied(1, 4, 1, false));
        assertFalse(ClusterCallWaitMode.WAIT_SOME.satisfied(3, 10, 4, false));
        assertTrue(ClusterCallWaitMode.WAIT_SOME.satisfied(4, 10, 4, false));
        assertTrue(ClusterCallWaitMode.WAIT_SOME.satisfied(1, 10, 4, true), "the timeout releases once one call finished");
        assertFalse(ClusterCallWaitMode.WAIT_SOME.satisfied(0, 10, 4, true));
        assertFalse(ClusterCallWaitMode.WAIT_ALL.satisfied(9, 1, 1, false));
        assertTrue(ClusterCallWaitMode.WAIT_ALL.satisfied(10, 0, 1, false));
    }

    @Test
    void specsRejectOutOfRangeValuesNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ClusterCallPoolSpec.of(2, List.of(1), 3, ClusterCallWaitMode.WAIT_ALL));
        assertTrue(e.getMessage().contains("concurrency"));
        assertThrows(IllegalArgumentException.class, () -> ClusterCallPoolSpec.waitSome(1, List.of(1), 1, 2000, 1));
        assertThrows(IllegalArgumentException.class, () -> new ClusterCall(COSTS, 0, false));
        e = assertThrows(IllegalArgumentException.class, () -> new ClusterCallCosts(-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertTrue(e.getMessage().contains("trap_entry"));
    }

    static final CostModel MODEL = new CostModel() {
        @Override public long crossingCycles() { return COSTS.trap(); }
        @Override public long kernelCycles(CallRequest call) { return call.kernelInstructions(); }
        @Override public long userCycles(long instructions) { return instructions; }
        @Override public long copyCycles(long bytes) { return bytes; }
        @Override public double clockHz() { return 1e9; }
    };

    @Property(tries = 50)
    void oneCrossingPerBatchAndEveryCallExecutedOnce(@ForAll @IntRange(min = 1, max = 3000) int n,
                                                     @ForAll @IntRange(min = 1, max = 1024) int maxBatch) {
        List<CallRequest> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) calls.add(CallRequest.of("NtNoOperation", 0));
        CallCost c = new ClusterCall(COSTS, maxBatch, false).execute(calls, MODEL);
        assertEquals((n + maxBatch - 1) / maxBatch, c.crossings());
        assertEquals(n, c.callsExecuted());
    }

    @Test
    void perCallCostFallsWithBatchSizeAndBeatsTheTrapForLargeBatches() {
        double prev = Double.MAX_VALUE;
        for (int n : new int[]{1, 4, 16, 64, 256, 1024}) {
            List<CallRequest> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) calls.add(CallRequest.of("NtNoOperation", 0));
            double perCall = (double) new ClusterCall(COSTS, 1024, false).execute(calls, MODEL).totalCycles() / n;
            assertTrue(perCall < prev);
            prev = perCall;
        }
        assertTrue(prev < COSTS.trap(), "1024 aggregated calls cost less per call than one trap each");
    }
}

package org.syscalllab.mech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class MultiCallTest {
    /** A cost model with round numbers: crossing 329, kernel = instructions, copy 1 cycle/byte. */
    static final CostModel COSTS = new CostModel() {
        @Override public long crossingCycles() { return 329; }
        @Override public long kernelCycles(CallRequest c) { return c.kernelInstructions(); }
        @Override public long userCycles(long i) { return i; }
        @Override public long copyCycles(long b) { return b; }
        @Override public double clockHz() { return 266e6; }
    };

    static CallRequest call(String name, boolean checked, boolean fails) {
        return new CallRequest(name, 100, 0, 10, checked, fails);
    }

    final MultiCall mc = MultiCall.generic(new MultiCallStub(8, 24, 6));

    @Test
    void successReturnsCountPlusOneAndRunsEveryCallInOneCrossing() {
        List<CallRequest> calls = List.of(call("write", true, false), call("read", true, false), call("sendto", true, false));
        MultiCallOutcome o = mc.invoke(calls, COSTS);
        assertEquals(4, o.returnValue());
        assertTrue(o.succeeded());
        assertEquals(3, o.cost().callsExecuted());
        assertEquals(1, o.cost().crossings());
        assertEquals(329, o.cost().crossingCycles());
        assertEquals(3 * (100 + 24), o.cost().kernelCycles());
        assertEquals(3 * 8, o.cost().userCycles());
        assertEquals(List.of(10L, 10L, 10L), o.results());
    }

    @Test
    void firstCheckedFailureStopsAndReturnsItsOneBasedIndex() {
        List<CallRequest> calls = List.of(call("write", true, false), call("read", true, true), call("sendto", true, false));
        MultiCallOutcome o = mc.invoke(calls, COSTS);
        assertEquals(2, o.returnValue());
        assertEquals(2, o.cost().callsExecuted());
        assertEquals(List.of(10L, MultiCall.FAILURE_RESULT), o.results());
    }

    @Test
    void uncheckedFailuresAreStoredAndIgnored() {
        List<CallRequest> calls = List.of(call("write", false, true), call("read", true, false));
        MultiCallOutcome o = mc.invoke(calls, COSTS);
        assertEquals(3, o.returnValue());
        assertEquals(List.of(MultiCall.FAILURE_RESULT, 10L), o.results());
    }

    @Test
    void aFailingLastCallReturnsCountNotCountPlusOne() {
        MultiCallOutcome o = mc.invoke(List.of(call("write", true, false), call("read", true, true)), COSTS);
        assertEquals(2, o.returnValue());
        assertTrue(!o.succeeded());
    }

    @Property(tries = 200)
    void returnValueIsTheFirstCheckedFailure(@ForAll @IntRange(min = 1, max = 12) int n, @ForAll long bits) {
        List<CallRequest> calls = new ArrayList<>();
        int expected = n + 1;
        for (int i = 0; i < n; i++) {
            boolean fails = ((bits >> (2 * i)) & 1) == 1;
            boolean checked = ((bits >> (2 * i + 1)) & 1) == 1;
            if (fails && checked && expected == n + 1) expected = i + 1;
            calls.add(new CallRequest("c" + i, i, 0, 0, checked, fails));
        }
        MultiCallOutcome o = mc.invoke(calls, COSTS);
        assertEquals(expected, o.returnValue());
        assertEquals(Math.min(expected, n), o.results().size());
        // order preserved: the kernel work charged is exactly that of the executed prefix
        long k = 0;
        for (int i = 0; i < o.results().size(); i++) k += i + 24;
        assertEquals(k, o.cost().kernelCycles());
    }

    @Test
    void savesOneCrossingPerCallComparedWithTraps() {
        List<CallRequest> calls = List.of(call("write", true, false), call("read", true, false));
        CallCost sync = new SyncTrap().execute(calls, COSTS);
        CallCost multi = mc.execute(calls, COSTS);
        assertEquals(2, sync.crossings());
        assertEquals(1, multi.crossings());
        assertEquals(329 - 2 * (24 + 8), sync.totalCycles() - multi.totalCycles());
    }

    @Test
    void loopedMultiCallPaysOneCrossingAndALoopStepPerIteration() {
        List<CallRequest> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) { calls.add(call("write", false, false)); calls.add(call("read", true, false)); }
        MultiCallLooped looped = new MultiCallLooped(new MultiCallStub(8, 24, 6), 2);
        CallCost c = looped.execute(calls, COSTS);
        assertEquals(1, c.crossings());
        assertEquals(20, c.callsExecuted());
        assertEquals(20 * (100 + 24) + 10 * 6, c.kernelCycles());
        assertEquals("multicall_looped", looped.series());
    }

    @Test
    void specialisedSeriesAndValidation() {
        assertEquals("multicall_select_time", MultiCall.specialised("select_time", MultiCallStub.specialised()).series());
        assertThrows(IllegalArgumentException.class, () -> mc.invoke(List.of(), COSTS));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MultiCallStub(-1, 0, 0));
        assertTrue(e.getMessage().contains("marshal_cycles_per_call"));
        assertThrows(IllegalArgumentException.class, () -> new MultiCallLooped(MultiCallStub.generic(), 0));
    }
}

package org.syscalllab.mech;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExceptionLessTest {
    @Test
    void everySubmittedEntryCompletesOnceAndReturnsToFree() {
        SyscallPages p = new SyscallPages(0, 2, 8);
        SplittableRandom r = new SplittableRandom(7);
        ArrayDeque<Integer> busy = new ArrayDeque<>();
        ArrayDeque<Integer> done = new ArrayDeque<>();
        int[] completions = new int[p.capacity()];
        for (int step = 0; step < 20_000; step++) {
            switch (r.nextInt(4)) {
                case 0 -> p.submit(step);
                case 1 -> { int e = p.take(); if (e >= 0) busy.add(e); }
                case 2 -> { Integer e = busy.poll(); if (e != null) { p.complete(e); completions[e]++; done.add(e); } }
                default -> { Integer e = done.poll(); if (e != null) p.reap(e); }
            }
            int sum = 0;
            for (SyscallEntryState s : SyscallEntryState.values()) sum += p.count(s);
            assertEquals(p.capacity(), sum);
        }
        for (int e; (e = p.take()) >= 0; ) busy.add(e);
        for (int e : busy) { p.complete(e); done.add(e); }
        for (int e : done) p.reap(e);
        assertEquals(p.capacity(), p.count(SyscallEntryState.FREE));
        assertEquals(p.submissions(), p.completions());
        assertEquals(p.completions(), p.reaped());
    }

    @Test
    void illegalMovesAndFullPagesAreRefused() {
        SyscallPages p = new SyscallPages(0, 1, 2);
        int a = p.submit(1);
        assertThrows(IllegalStateException.class, () -> p.complete(a));   // submitted, not busy
        assertThrows(IllegalStateException.class, () -> p.reap(a));
        p.submit(2);
        assertEquals(-1, p.submit(3));                                     // no free entry
        int t = p.take();
        p.complete(t);
        assertThrows(IllegalStateException.class, () -> p.complete(t));   // completed twice
        assertThrows(IllegalArgumentException.class, () -> new SyscallPages(0, 0, 64));
    }

    @Test
    void atMostOneSyscallThreadPerCoreAndListOrder() {
        SyscallCoreList l = new SyscallCoreList(List.of(2, 0, 1), 4);
        assertEquals(2, l.pick(-1));
        l.activate(2);
        assertThrows(IllegalStateException.class, () -> l.activate(2));
        assertEquals(0, l.pick(-1));
        assertEquals(1, l.pick(0));
        l.activate(0);
        l.activate(1);
        assertEquals(-1, l.pick(-1));
        assertThrows(IllegalArgumentException.class, () -> new SyscallCoreList(List.of(0, 0), 2));
    }

    private static final CostModel COSTS = new CostModel() {
        @Override public long crossingCycles() { return 250; }
        @Override public long kernelCycles(CallRequest c) { return c.kernelInstructions(); }
        @Override public long userCycles(long i) { return i; }
        @Override public long copyCycles(long b) { return 0; }
        @Override public double clockHz() { return 1e9; }
    };

    @Test
    void batchingAmortisesTheTrapAndRemoteCostsIpis() {
        ExceptionLessCosts x = new ExceptionLessCosts(10, 50, 100, 1500, 40);
        List<CallRequest> one = List.of(CallRequest.of("getppid", 80));
        List<CallRequest> many = Collections.nCopies(100, CallRequest.of("getppid", 80));
        ExceptionLess local = new ExceptionLess(false, x, 1, 64);
        CallCost m = local.execute(many, COSTS);
        assertEquals(2, m.crossings());                         // 100 calls in two batches of at most 64 entries
        assertEquals(100, m.callsExecuted());
        assertEquals(64, local.pages().count(SyscallEntryState.FREE));
        long syncOne = new SyncTrap().execute(one, COSTS).totalCycles();
        long remoteOne = new ExceptionLess(true, x, 1, 64).execute(one, COSTS).totalCycles();
        assertTrue(remoteOne > 5 * syncOne, "a lone remote call pays two IPIs");
        assertTrue(m.totalCycles() < 100 * syncOne, "a large batch beats one trap per call");
    }
}

package org.syscalllab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Events fire in (time, priority, sequence) order and cancelled events never fire, for any schedule/cancel sequence. */
class SimulationOrderPropertiesTest {

    /** One operation: schedule (at a delay and priority), cancel an earlier event, or let one event fire. */
    record Op(int kind, long delay, int priority, int target) { }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(
                Arbitraries.integers().between(0, 9),
                Arbitraries.longs().between(0, 50),
                Arbitraries.integers().between(-3, 3),
                Arbitraries.integers().between(0, 10_000)).as(Op::new);
        return op.list().ofMinSize(1).ofMaxSize(400);
    }

    /** What one fired event was: its key, to check the order. */
    record Fired(long time, int priority, long seq) { }

    @Property(tries = 300)
    void eventsFireInTimePrioritySeqOrderAndCancelledNeverFire(@ForAll("ops") List<Op> ops) {
        Simulation sim = new Simulation(7);
        List<Fired> fired = new ArrayList<>();
        List<Long> handles = new ArrayList<>();
        Set<Long> cancelledSeqs = new HashSet<>();
        Set<Long> firedSeqs = new HashSet<>();
        long[] seq = {0};
        List<long[]> scheduled = new ArrayList<>(); // seq, time, priority
        for (Op op : ops) {
            if (op.kind() <= 5) {
                long s = seq[0]++;
                long t = sim.now() + op.delay();
                int p = op.priority();
                // half the events schedule a follow-up from inside their action (exercises the hold path)
                boolean chain = (op.target() & 1) == 0;
                long h = sim.scheduleAt(t, p, x -> {
                    assertFalse(cancelledSeqs.contains(s), "cancelled event fired");
                    assertTrue(firedSeqs.add(s), "event fired twice");
                    fired.add(new Fired(x.now(), p, s));
                    if (chain) {
                        long s2 = seq[0]++;
                        int p2 = -p;
                        x.schedule(op.delay() / 2, p2, y -> {
                            assertTrue(firedSeqs.add(s2));
                            fired.add(new Fired(y.now(), p2, s2));
                        });
                    }
                });
                handles.add(h);
                scheduled.add(new long[] {s, t, p});
            } else if (op.kind() <= 7 && !handles.isEmpty()) {
                int i = op.target() % handles.size();
                long h = handles.get(i);
                long s = scheduled.get(i)[0];
                boolean wasPending = sim.isPending(h);
                boolean c = sim.cancel(h);
                assertEquals(wasPending, c, "cancel returns whether the event was pending");
                if (c) cancelledSeqs.add(s);
                assertFalse(sim.isPending(h));
                assertFalse(sim.cancel(h), "a second cancel is a no-op");
            } else {
                // fire everything due up to a little later
                sim.runUntil(sim.now() + op.delay());
            }
        }
        sim.run();
        assertEquals(0, sim.pending());
        // order: each fired event's key is >= the previous one's, where later-fired events scheduled at the same
        // (time, priority) have larger sequence numbers
        for (int i = 1; i < fired.size(); i++) {
            Fired a = fired.get(i - 1), b = fired.get(i);
            assertTrue(a.time() <= b.time(), "time went backwards: " + a + " then " + b);
            if (a.time() == b.time() && a.priority() == b.priority()) {
                assertTrue(a.seq() < b.seq(), "FIFO broken at equal (time, priority): " + a + " then " + b);
            }
        }
        // every scheduled, non-cancelled top-level event fired exactly once
        for (long[] s : scheduled) {
            assertEquals(!cancelledSeqs.contains(s[0]), firedSeqs.contains(s[0]), "event " + s[0]);
        }
    }

    @Property(tries = 50)
    void orderAtOneInstantIsByPriorityThenSeq(@ForAll("ops") List<Op> ops) {
        Simulation sim = new Simulation(1);
        List<long[]> fired = new ArrayList<>();
        long s = 0;
        for (Op op : ops) {
            long mySeq = s++;
            int p = op.priority();
            sim.scheduleAt(op.delay(), p, x -> fired.add(new long[] {x.now(), p, mySeq}));
        }
        sim.run();
        for (int i = 1; i < fired.size(); i++) {
            long[] a = fired.get(i - 1), b = fired.get(i);
            boolean ordered = a[0] < b[0] || (a[0] == b[0] && (a[1] < b[1] || (a[1] == b[1] && a[2] < b[2])));
            assertTrue(ordered, "out of order");
        }
        assertEquals(ops.size(), fired.size());
    }

    @Property(tries = 20)
    void massCancellationCompactsAndKeepsOrder(@ForAll("ops") List<Op> ops) {
        Simulation sim = new Simulation(3);
        int n = 5000;
        long[] handles = new long[n];
        List<Long> firedTimes = new ArrayList<>();
        Set<Integer> firedIds = new HashSet<>();
        for (int i = 0; i < n; i++) {
            long t = (i * 7919L + ops.size()) % 1000;
            int id = i;
            handles[i] = sim.schedule(t, x -> {
                firedTimes.add(x.now());
                firedIds.add(id);
            });
        }
        int keep = ops.size() % 10;
        for (int i = 0; i < n; i++) if (i % 10 != keep) assertTrue(sim.cancel(handles[i]));
        assertEquals(n / 10, sim.pending());
        for (int i = 0; i < n; i++) assertEquals(i % 10 == keep, sim.isPending(handles[i]));
        sim.run();
        assertEquals(n / 10, firedIds.size());
        for (int id : firedIds) assertEquals(keep, id % 10, "a cancelled event fired");
        for (int i = 1; i < firedTimes.size(); i++) assertTrue(firedTimes.get(i - 1) <= firedTimes.get(i));
    }
}

package org.syscalllab.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.syscalllab.os.device.Disk;
import org.syscalllab.os.lock.Granularity;
import org.syscalllab.os.lock.LockKind;
import org.syscalllab.os.lock.LockUse;
import org.syscalllab.os.syscall.LockPolicy;
import org.syscalllab.os.syscall.SyscallSpec;
import org.syscalllab.os.syscall.SyscallTable;
import org.syscalllab.sim.Simulation;

class KernelBehaviourTest {
    static final SyscallTable TABLE = new SyscallTable(List.of(
            SyscallSpec.cpuOnly("work", 10_000, 1, "fs", List.of(LockUse.perObject("obj", LockKind.SPIN, 1.0, 1000))),
            SyscallSpec.cpuOnly("getpid", 74, 1, "proc", List.of())));

    static ThreadBody calls(int n) {
        int[] left = {n};
        return self -> left[0]-- > 0 ? new Op.Syscall("work") : Op.EXIT;
    }

    static Kernel run(int cpus, Granularity g, int threads) {
        Kernel k = new Kernel(new Simulation(1), KernelConfig.simple(cpus), TABLE, new SmpKernel(LockPolicy.of(g), 0, 0, null));
        for (int i = 0; i < threads; i++) k.spawn("t" + i, calls(100), k.allCpus());
        k.run();
        return k;
    }

    @Test
    void giantLockSerialisesKernelBoundThreadsAndFineLockingDoesNot() {
        long up = run(1, Granularity.GIANT, 4).elapsed();
        Kernel giant = run(4, Granularity.GIANT, 4);
        Kernel fine = run(4, Granularity.FINE, 4);
        assertEquals(4 * 100 * 10_000L, up);
        assertTrue(giant.elapsed() >= up, "a giant lock gives no speedup to pure kernel work");
        double fineSpeedup = (double) up / fine.elapsed();
        assertTrue(fineSpeedup > 3.5, "per-object locks let 4 CPUs work in parallel: " + fineSpeedup);
        long spin = giant.cpuStats().stream().mapToLong(CpuStats::spin).sum();
        assertTrue(spin > 0.5 * 3 * up / 4.0, "the giant lock makes waiting CPUs spin: " + spin);
    }

    @Test
    void lockTransfersChargeSharedLinesOnlyAcrossCpus() {
        Kernel k = new Kernel(new Simulation(1), KernelConfig.simple(2).withCosts(0, 0, 100, 0, 0), TABLE,
                new SmpKernel(LockPolicy.of(Granularity.GIANT), 0, 0, null));
        k.declareLock("giant", 10);
        k.spawn("a", calls(10), 1L);
        k.spawn("b", calls(10), 2L);
        k.run();
        long transfers = k.locks().get("giant").stats().transfers();
        assertTrue(transfers > 0);
        long kernel = k.cpuStats().stream().mapToLong(CpuStats::kernel).sum();
        assertEquals(20 * 10_000L + transfers * 10 * 100, kernel);
    }

    @Test
    void userThreadsTakeTurnsOnOneCarrier() {
        Kernel k = new Kernel(new Simulation(1), KernelConfig.simple(1), TABLE, new SmpKernel(LockPolicy.of(Granularity.FINE), 0, 0, null));
        StringBuilder order = new StringBuilder();
        ThreadBody a = fiber("a", order), b = fiber("b", order);
        UserThreads ut = new UserThreads(List.of(a, b), 50);
        k.spawn("carrier", ut, 1L);
        k.run();
        assertEquals("ababab", order.toString());
        assertEquals(3 * 100 * 2 + ut.switches() * 50, k.elapsed());
    }

    static ThreadBody fiber(String name, StringBuilder order) {
        int[] step = {0};
        return self -> {
            int s = step[0]++;
            if (s >= 6) return Op.EXIT;
            if (s % 2 == 0) {
                order.append(name);
                return new Op.User(100);
            }
            return Op.YIELD;
        };
    }

    @Test
    void diskServiceIsSeekPlusRotationPlusTransferAndBlockedThreadsWakeOnce() {
        Simulation sim = new Simulation(3);
        Disk d = new Disk("disk", new Disk.Spec(1_000_000, 0, 1.0, 1000), sim.stream("rot"));
        Kernel k = new Kernel(sim, KernelConfig.simple(1), TABLE, new SmpKernel(LockPolicy.of(Granularity.FINE), 0, 0, null));
        KThread t = k.spawn("io", new ThreadBody() {
            int n;

            @Override
            public Op next(KThread self) { return n++ == 0 ? new Op.Io(d, 500, 4096) : Op.EXIT; }
        }, 1L);
        k.run();
        assertEquals(500_000 + 4096, k.elapsed());
        assertEquals(1, t.blocks());
        assertEquals(1, t.wakes());
    }

    @Test
    void appKernelForwardsEachCallThroughTheBootstrapProcessor() {
        AppKernel ak = new AppKernel(100, 200, 10, 20, 300, 40, 50, Set.of());
        Kernel k = new Kernel(new Simulation(1), KernelConfig.simple(2), TABLE, ak);
        KThread app = k.spawn("app", self -> self.syscalls() < 10 ? new Op.Syscall("getpid") : Op.EXIT, AppKernel.apMask(k));
        k.run();
        // every step runs in turn: nothing overlaps for a single thread (switches and IPIs are free here)
        assertEquals(10 * (100 + 200 + 10 + 74 + 20 + 300 + 40 + 50), k.elapsed());
        assertEquals(10, app.blocks());
        assertTrue(k.cpuStats(0).kernel() > 0, "the bootstrap processor did the calls' work");
    }

    @Test
    void appKernelNeedsTwoCpusAndConfigsAreValidated() {
        Kernel k = new Kernel(new Simulation(1), KernelConfig.simple(1), TABLE, new AppKernel(0, 0, 0, 0, 0, 0, 0, null));
        assertThrows(IllegalArgumentException.class, () -> AppKernel.apMask(k));
        assertThrows(IllegalArgumentException.class, () -> KernelConfig.simple(0));
        assertThrows(IllegalArgumentException.class, () -> new LockUse("x", LockKind.SPIN, true, 1.5, 1));
    }

    @Test
    void closedLoopClientsAreServedByThreadsWaitingOnAQueue() {
        Simulation sim = new Simulation(5);
        Kernel k = new Kernel(sim, KernelConfig.simple(1), TABLE, new SmpKernel(LockPolicy.of(Granularity.FINE), 0, 0, null));
        WaitQueue requests = new WaitQueue("requests");
        ClosedLoopClients clients = new ClosedLoopClients(k, requests, 3, 0, 1_000_000);
        k.spawn("server", new ThreadBody() {
            ClosedLoopClients.Request current;
            boolean waiting;

            @Override
            public Op next(KThread self) {
                if (current != null) {
                    clients.complete(current);
                    current = null;
                }
                if (!waiting) {
                    waiting = true;
                    return new Op.Wait(requests);
                }
                waiting = false;
                current = (ClosedLoopClients.Request) self.received();
                return new Op.User(1_000);
            }
        }, 1L, true);
        k.spawn("clock2", new ThreadBody() {
            boolean slept;

            @Override
            public Op next(KThread self) {
                if (slept) return Op.EXIT;
                slept = true;
                return new Op.Sleep(2_000_000);
            }
        }, 1L);
        k.run();
        // no think time, one server of 1,000 cycles: always busy until the clients stop issuing at 1,000,000 (the
        // requests then in flight still complete)
        assertTrue(clients.completed() >= 1_000 && clients.completed() <= 1_003, "completed " + clients.completed());
        assertEquals(3_000, clients.meanResponseCycles(), 50, "three clients queue behind each other");
    }

    @Test
    void pageCacheHitsNeedNoIo() {
        Simulation sim = new Simulation(1);
        Disk d = new Disk("disk", new Disk.Spec(100_000, 10_000, 1.0, 1000), sim.stream("rot"));
        org.syscalllab.os.device.PageCache pc = new org.syscalllab.os.device.PageCache("pc", d, 2, 4096);
        long[] done = new long[3];
        pc.submit(sim, 7, 100, () -> done[0] = sim.now());
        sim.run();
        pc.submit(sim, 7, 100, () -> done[1] = sim.now());
        sim.run();
        assertEquals(1, pc.hits());
        assertEquals(1, pc.misses());
        assertEquals(done[0], done[1], "the hit completes at once");
        assertTrue(done[0] > 0);
    }

    /** A thread that runs 1,500 cycles between short sleeps, next to a CPU-bound one, on one CPU with 1,000-cycle ticks. */
    static KThread sleeperNextToHog(boolean sliceAcrossSleeps) {
        KernelConfig cfg = KernelConfig.simple(1).withTicks(1_000, 10, 3).withSliceAcrossSleeps(sliceAcrossSleeps);
        Kernel k = new Kernel(new Simulation(1), cfg, TABLE, new SmpKernel(LockPolicy.of(Granularity.FINE), 0, 0, null));
        int[] step = {0};
        KThread sleeper = k.spawn("sleeper", self -> {
            int s = step[0]++;
            if (s >= 40) return Op.EXIT;
            return s % 2 == 0 ? new Op.User(1_500) : new Op.Sleep(10);
        }, 1L);
        k.spawn("hog", self -> step[0] >= 40 ? Op.EXIT : new Op.User(500), 1L);
        k.run();
        return sleeper;
    }

    @Test
    void aSliceKeptAcrossSleepsPreemptsAThreadThatSleepsOften() {
        KThread fresh = sleeperNextToHog(false);
        KThread kept = sleeperNextToHog(true);
        // with a fresh slice per dispatch the sleeper (1,500 cycles a run, slice 3,000) is only ever dispatched after a wake
        assertEquals(fresh.wakes() + 1, fresh.dispatches());
        // with the slice kept across sleeps it uses it up every few runs and is preempted while the hog is ready
        assertTrue(kept.dispatches() > kept.wakes() + 1, "dispatches " + kept.dispatches() + ", wakes " + kept.wakes());
    }
}

package org.syscalllab.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.syscalllab.os.device.Disk;
import org.syscalllab.os.lock.Granularity;
import org.syscalllab.os.lock.Lock;
import org.syscalllab.os.lock.LockKind;
import org.syscalllab.os.lock.LockUse;
import org.syscalllab.os.syscall.LockPolicy;
import org.syscalllab.os.syscall.SyscallSpec;
import org.syscalllab.os.syscall.SyscallTable;
import org.syscalllab.sim.Simulation;
import org.syscalllab.sim.Streams;

/** Random workloads on random kernels must keep the OS model's invariants. */
class KernelInvariantsTest {

    static SyscallTable table() {
        return new SyscallTable(List.of(
                SyscallSpec.cpuOnly("getpid", 80, 1, "proc", List.of()),
                new SyscallSpec("read", 2000, 1.5, 0, "fs",
                        List.of(LockUse.perObject("inode", LockKind.SPIN, 0.3, 4), LockUse.spin("pagecache", 0.2)), "disk", 0.3),
                SyscallSpec.cpuOnly("mmap", 3000, 1, "mm",
                        List.of(new LockUse("mmap_sem", LockKind.RW_SEMAPHORE, false, 0.5, 1))),
                SyscallSpec.cpuOnly("munmap", 2500, 1, "mm",
                        List.of(new LockUse("mmap_sem", LockKind.RW_SEMAPHORE, true, 0.6, 1))),
                SyscallSpec.cpuOnly("flock", 1500, 1, "fs", List.of(new LockUse("flock", LockKind.MUTEX, true, 0.8, 1)))));
    }

    /** A random program of a fixed number of steps. */
    static ThreadBody randomBody(RandomGenerator r, int steps, WaitQueue q) {
        int[] left = {steps};
        return self -> {
            if (left[0]-- <= 0) return Op.EXIT;
            int k = r.nextInt(10);
            return switch (k) {
                case 0, 1, 2 -> new Op.User(1 + r.nextInt(5000));
                case 3 -> new Op.Syscall("getpid");
                case 4 -> new Op.Syscall("read");
                case 5 -> new Op.Syscall(r.nextBoolean() ? "mmap" : "munmap");
                case 6 -> new Op.Syscall("flock");
                case 7 -> new Op.Sleep(1 + r.nextInt(3000));
                case 8 -> Op.YIELD;
                default -> new Op.Post(q, "token");
            };
        };
    }

    record Setup(Kernel kernel, List<KThread> threads, Map<Long, Integer> running, long[] violations) { }

    static Setup build(long seed, int cpus, int threads, int granularity, boolean shared, boolean ticks, boolean poll,
                       boolean appKernel) {
        Simulation sim = new Simulation(seed);
        KernelConfig cfg = KernelConfig.simple(cpus).withCosts(200, 500, 100, 4, 20).withRunQueue(shared, false)
                .withIdleWake(poll ? KernelConfig.IdleWake.POLL : KernelConfig.IdleWake.IPI, 300, 2000);
        // with ticks, half the seeds keep the slice across sleeps (Linux's counter), half start a fresh one per dispatch
        if (ticks) cfg = cfg.withTicks(10_000, 500, 2).withSliceAcrossSleeps((seed & 1) == 0);
        Organisation org = appKernel ? new AppKernel(300, 200, 100, 100, 400, 100, 100, null)
                : new SmpKernel(LockPolicy.of(Granularity.values()[granularity % 3]), 100, 100, null);
        Kernel k = new Kernel(sim, cfg, table(), org);
        k.addDevice(new Disk("disk", new Disk.Spec(50_000, 20_000, 0.5, 10_000), sim.stream("disk")));
        k.declareLock("giant", 8);
        Map<Long, Integer> running = new HashMap<>();
        long[] violations = new long[1];
        k.observe(new Kernel.Observer() {
            @Override
            public void dispatched(int cpu, KThread t) {
                if (running.containsKey(t.id())) violations[0]++;
                if (running.containsValue(cpu)) violations[0]++;
                running.put(t.id(), cpu);
            }

            @Override
            public void descheduled(int cpu, KThread t) {
                Integer c = running.remove(t.id());
                if (c == null || c != cpu) violations[0]++;
            }

            @Override
            public void granted(Lock lock, KThread t) {
                if (lock.kind() != LockKind.RW_SEMAPHORE && lock.holders().size() != 1) violations[0]++;
                if (!lock.holders().contains(t.id())) violations[0]++;
            }
        });
        WaitQueue q = new WaitQueue("sink");
        RandomGenerator r = new Streams(seed).stream("test.workload");
        List<KThread> ts = new ArrayList<>();
        long mask = appKernel ? AppKernel.apMask(k) : k.allCpus();
        for (int i = 0; i < threads; i++) ts.add(k.spawn("t" + i, randomBody(r, 40, q), mask));
        return new Setup(k, ts, running, violations);
    }

    @Property(tries = 60)
    void invariantsHold(@ForAll @IntRange(min = 1, max = 4) int cpus, @ForAll @IntRange(min = 1, max = 7) int threads,
                        @ForAll @IntRange(min = 0, max = 2) int granularity, @ForAll boolean shared, @ForAll boolean ticks,
                        @ForAll boolean poll, @ForAll boolean appKernel, @ForAll @IntRange(min = 0, max = 1000) int seed) {
        if (appKernel && cpus < 2) cpus = 2;
        Setup s = build(seed, cpus, threads, granularity, shared, ticks, poll, appKernel);
        s.kernel().run();
        assertEquals(0, s.violations()[0], "a thread ran on two CPUs, a CPU ran two threads, or a lock had two holders");
        for (KThread t : s.threads()) {
            assertEquals(KThread.State.DONE, t.state(), t + " did not finish");
            assertEquals(t.blocks(), t.wakes(), t + ": every block must be matched by exactly one wake-up");
        }
        long elapsed = s.kernel().elapsed();
        for (CpuStats c : s.kernel().cpuStats()) {
            assertEquals(elapsed, c.total(), "cpu " + c.cpu() + " accounts for every cycle, no more (utilisation <= 100%)");
        }
        for (Lock l : s.kernel().locks().values()) assertTrue(l.isFree(), l + " still held at the end");
    }

    @Property(tries = 10)
    void sameSeedSameResult(@ForAll @IntRange(min = 1, max = 4) int cpus, @ForAll @IntRange(min = 0, max = 100) int seed) {
        Setup a = build(seed, cpus, 5, 2, false, true, false, false);
        Setup b = build(seed, cpus, 5, 2, false, true, false, false);
        a.kernel().run();
        b.kernel().run();
        assertEquals(a.kernel().elapsed(), b.kernel().elapsed());
        assertEquals(a.kernel().cpuStats(), b.kernel().cpuStats());
    }
}

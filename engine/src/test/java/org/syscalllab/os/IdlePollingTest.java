package org.syscalllab.os;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syscalllab.os.lock.Granularity;
import org.syscalllab.os.syscall.LockPolicy;
import org.syscalllab.os.syscall.SyscallSpec;
import org.syscalllab.os.syscall.SyscallTable;
import org.syscalllab.sim.Simulation;

/**
 * Idle CPUs that poll their ready queue cost one event per poll that finds work, not one per waiting thread per poll.
 * A burst of wake-ups on many idle polling CPUs once multiplied events combinatorially: every thread woken scheduled a
 * poll of the same (earliest) idle CPU, and each of those polls after the first, finding its CPU taken, scheduled a
 * poll of the next idle CPU for every thread still waiting.
 */
class IdlePollingTest {

    /**
     * One coordinator on {@code cpus} polling CPUs wakes {@code cpus - 1} parked workers at one instant, {@code rounds}
     * times; each worker runs briefly and parks again.
     */
    static Simulation burst(int cpus, int rounds, boolean shared) {
        Simulation sim = new Simulation(3);
        KernelConfig cfg = KernelConfig.simple(cpus).withCosts(200, 0, 100, 2, 5).withRunQueue(shared, false)
                .withIdleWake(KernelConfig.IdleWake.POLL, 300, 200);
        Kernel k = new Kernel(sim, cfg, new SyscallTable(List.of(SyscallSpec.cpuOnly("getpid", 80, 1, "proc", List.of()))),
                new SmpKernel(LockPolicy.of(Granularity.FINE), 100, 100, null));
        List<KThread> workers = new ArrayList<>();
        int[] step = {0};
        k.spawn("coordinator", self -> {
            int s = step[0]++;
            int round = s / cpus;
            if (round >= rounds) return Op.EXIT;
            int i = s % cpus;
            return i == 0 ? new Op.User(100_000) : new Op.Unpark(workers.get(i - 1)); // all unparks at one instant
        }, k.allCpus());
        for (int w = 0; w < cpus - 1; w++) {
            int[] ws = {0};
            workers.add(k.spawn("worker" + w, self -> {
                int s = ws[0]++;
                if (s >= 2 * rounds) return Op.EXIT;
                return s % 2 == 0 ? Op.PARK : new Op.User(5_000);
            }, k.allCpus()));
        }
        k.run();
        for (KThread t : k.threads()) assertEquals(KThread.State.DONE, t.state(), t + " did not finish");
        return sim;
    }

    @Test
    void aBurstOfWakeUpsOnManyIdlePollingCpusCostsEventsInProportionToTheWork() {
        for (boolean shared : new boolean[] {true, false}) {
            int cpus = 8, rounds = 20;
            Simulation sim = burst(cpus, rounds, shared);
            long wakeUps = (long) (cpus - 1) * rounds;
            // per wake-up: the wake, a poll, the context switch, the worker's work; ten events each is generous, the
            // combinatorial pile-up was thousands per burst
            long bound = 10 * wakeUps;
            assertTrue(sim.eventsFired() < bound, "shared=" + shared + ": " + sim.eventsFired() + " events for "
                    + wakeUps + " wake-ups on " + cpus + " polling CPUs (bound " + bound + ")");
        }
    }
}

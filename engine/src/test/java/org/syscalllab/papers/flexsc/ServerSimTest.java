package org.syscalllab.papers.flexsc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syscalllab.hw.MemorySystem;
import org.syscalllab.hw.Platforms;
import org.syscalllab.mech.SyscallEntryState;
import org.syscalllab.mech.SyscallPages;
import org.syscalllab.sim.Simulation;

class ServerSimTest {
    private static ServerSim sim(ServerSim.Mode mode, int cores, int clients, int pages) {
        return sim(ServerWorkload.apache(), mode, cores, clients, pages);
    }

    private static ServerSim sim(ServerWorkload w, ServerSim.Mode mode, int cores, int clients, int pages) {
        ServerSim.SwitchCosts sc = new ServerSim.SwitchCosts(1500, 100, 2, 10, 50, 100);
        ServerSim.Config cfg = new ServerSim.Config(Platforms.flexscNehalem(), MemorySystem.Fidelity.FAST, w,
                mode, cores, clients, pages, 4, List.of(), 0, 200_000, 600_000, sc);
        return new ServerSim(cfg, new Simulation(3), 3);
    }

    @Test
    void entriesAreConservedAndNeverCompletedTwice() {
        ServerSim s = sim(ServerSim.Mode.FLEXSC, 2, 24, 2);        // 8 entries per core for 12 threads per core
        ServerSim.Stats st = s.run();
        assertTrue(st.throughputRps() > 0);
        for (SyscallPages p : s.pages()) {
            int inUse = p.count(SyscallEntryState.SUBMITTED) + p.count(SyscallEntryState.BUSY) + p.count(SyscallEntryState.DONE);
            assertEquals(p.capacity(), p.count(SyscallEntryState.FREE) + inUse);
            assertEquals(p.submissions(), p.completions() + p.count(SyscallEntryState.SUBMITTED) + p.count(SyscallEntryState.BUSY));
            assertEquals(p.completions(), p.reaped() + p.count(SyscallEntryState.DONE));
            assertTrue(p.submissions() > 0);
        }
    }

    @Test
    void batchingOnOneCoreRaisesIpcOverSynchronousCalls() {
        ServerSim.Stats sync = sim(ServerSim.Mode.SYNC, 1, 32, 8).run();
        ServerSim.Stats fx = sim(ServerSim.Mode.FLEXSC, 1, 32, 8).run();
        assertTrue(fx.userIpc() > sync.userIpc(), "user IPC " + fx.userIpc() + " vs " + sync.userIpc());
        assertTrue(fx.kernelIpc() > sync.kernelIpc(), "kernel IPC " + fx.kernelIpc() + " vs " + sync.kernelIpc());
        assertTrue(fx.meanBatch() > 1);
    }

    @Test
    void aCoreNeverRunsTwoThreadsAtOnce() {
        // a lock handed over on the releasing thread's own core must not start a second chain of work there
        ServerSim.Stats one = sim(ServerWorkload.mysql(), ServerSim.Mode.SYNC, 1, 16, 8).run();
        ServerSim.Stats two = sim(ServerWorkload.mysql(), ServerSim.Mode.SYNC, 2, 16, 8).run();
        assertTrue(two.throughputRps() <= 2.05 * one.throughputRps(), two.throughputRps() + " vs " + one.throughputRps());
        assertTrue(one.userPct() + one.kernelPct() <= 100.0 + 1e-9);
    }

    @Test
    void aCallGrantedMmapSemDuringFlexscWaitIsNotLost() {
        // 64 requests on 4 cores: calls granted mmap_sem while their core traps into flexsc_wait must still resume
        ServerSim.SwitchCosts sc = new ServerSim.SwitchCosts(1500, 100, 2, 10, 50, 100);
        ServerSim.Config cfg = new ServerSim.Config(Platforms.flexscNehalem(), MemorySystem.Fidelity.FAST, ServerWorkload.apache(),
                ServerSim.Mode.FLEXSC, 4, 64, 8, 64, List.of(), 0, 6_900_000, 13_800_000, sc);
        ServerSim s = new ServerSim(cfg, new Simulation(1), 1);
        ServerSim.Stats st = s.run();
        assertEquals(0, s.coresAsleepWithGrantedCalls());
        assertTrue(st.throughputRps() > 0);
    }
}

package org.syscalllab.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.syscalllab.hw.MemorySystem;
import org.syscalllab.hw.Platforms;

class CallInjectionTest {
    private static CallInjection fast() {
        return new CallInjection(Platforms.flexscNehalem(), MemorySystem.Fidelity.FAST, Programs.xalan(64), 1);
    }

    @Test
    void moreFrequentCallsLowerUserIpcAndRaiseKernelIpc() {
        KernelPath pwrite = KernelPaths.byName("pwrite");
        CallInjection.Outcome often = fast().periodic(pwrite, 1_000, 5, 20);
        CallInjection.Outcome rarely = fast().periodic(pwrite, 100_000, 5, 10);
        assertTrue(often.userIpc() < rarely.userIpc(), often.userIpc() + " vs " + rarely.userIpc());
        assertTrue(often.kernelIpc() > rarely.kernelIpc(), often.kernelIpc() + " vs " + rarely.kernelIpc());
    }

    @Test
    void aBiggerFootprintCostsTheUserMore() {
        KernelPath pwrite = KernelPaths.byName("pwrite");
        double small = fast().periodic(pwrite.withFootprintScale(0.25), 5_000, 5, 20).userIpc();
        double big = fast().periodic(pwrite.withFootprintScale(2), 5_000, 5, 20).userIpc();
        assertTrue(big < small, big + " vs " + small);
    }

    @Test
    void withoutCallsTheProgramRunsAtItsBaseIpc() {
        double ipc = fast().periodic(null, 10_000, 5, 20).userIpc();
        assertEquals(1.46, ipc, 0.1);
    }

    @Test
    void exactRunsAreReproducibleForASeed() {
        KernelPath stat = KernelPaths.byName("stat");
        double a = new CallInjection(Platforms.flexscNehalem(), MemorySystem.Fidelity.EXACT, Programs.jbb(64), 3).periodic(stat, 2_000, 2, 5).userIpc();
        double b = new CallInjection(Platforms.flexscNehalem(), MemorySystem.Fidelity.EXACT, Programs.jbb(64), 3).periodic(stat, 2_000, 2, 5).userIpc();
        assertEquals(a, b);
    }

    @Test
    void anImpossibleBaseIpcIsRejected() {
        ComputeProgram x = Programs.xalan(64);
        ComputeProgram fast = new ComputeProgram("x", 5.0, x.dataRefsPerInstr(), x.fetchRefsPerInstr(), x.streams(), x.shares());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CallInjection(Platforms.flexscNehalem(), MemorySystem.Fidelity.FAST, fast, 1));
        assertTrue(e.getMessage().startsWith("base_ipc = 5.0"), e.getMessage());
    }
}

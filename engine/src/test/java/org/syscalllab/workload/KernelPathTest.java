package org.syscalllab.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.syscalllab.hw.MemorySystem;
import org.syscalllab.hw.Platform;
import org.syscalllab.hw.Platforms;
import org.syscalllab.hw.Stream;
import org.syscalllab.hw.Structure;

class KernelPathTest {

    @Test
    void aCopiedBufferIsOneDenseRunInsideTheDataFootprint() {
        KernelPath k = new KernelPath("copy", 1000, 1.0, 10, 2, 100, 1, 20, 1, 64);
        List<Stream> ss = k.streams(KernelPath.KERNEL_BASE_PAGE, 64);
        assertEquals(3, ss.size());
        assertEquals(36, ss.get(1).region().lines(), "scattered data = data lines - copied lines");
        assertEquals(64, ss.get(2).region().lines());
        assertEquals(1, ss.get(2).region().pages(), "a 4 KB copy of 64 B lines fills one page");
        assertEquals(20, ss.get(1).tlbEntries() + ss.get(2).tlbEntries(), "the d-TLB entries are shared, not added");
        double[] refs = k.burst(ss).refs();
        assertEquals(100, refs[1] + refs[2]);
    }

    @Test
    void theCopiedRunMustLeaveScatteredData() {
        assertThrows(IllegalArgumentException.class, () -> new KernelPath("copy", 1000, 1.0, 10, 2, 64, 1, 1, 1, 64));
        assertThrows(IllegalArgumentException.class, () -> new KernelPath("copy", 1000, 1.0, 10, 2, 64, 1, 1, 1, -1));
    }

    /** Prefetching a contiguous run wastes nothing, so the same data lines as one run evict fewer L2 and L3 lines. */
    @Test
    void aContiguousCopyEvictsFewerUnifiedCacheLinesThanScatteredLines() {
        Platform p = Platforms.flexscNehalem();
        KernelPath scattered = new KernelPath("w", 5689, 1.0, 50, 2, 373, 1, 44, 6, 0);
        KernelPath copying = new KernelPath("w", 5689, 1.0, 50, 2, 373, 1, 44, 6, 64);
        for (MemorySystem.Fidelity f : MemorySystem.Fidelity.values()) {
            double[] a = evictions(p, f, scattered);
            double[] b = evictions(p, f, copying);
            assertTrue(b[Structure.L2.ordinal()] < a[Structure.L2.ordinal()], f + " L2: " + b[Structure.L2.ordinal()] + " vs " + a[Structure.L2.ordinal()]);
            assertTrue(b[Structure.L3.ordinal()] < a[Structure.L3.ordinal()], f + " L3: " + b[Structure.L3.ordinal()] + " vs " + a[Structure.L3.ordinal()]);
            assertEquals(a[Structure.L1D.ordinal()], b[Structure.L1D.ordinal()], 0.05 * a[Structure.L1D.ordinal()], f + " L1d is the same footprint");
        }
    }

    private static double[] evictions(Platform p, MemorySystem.Fidelity f, KernelPath k) {
        CallInjection c = new CallInjection(p, f, Programs.xalan(64), 3);
        c.user(200_000);
        return c.evictionsOfOneCall(k);                   // the first call: none of its lines is cached yet
    }
}

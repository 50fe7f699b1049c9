package org.syscalllab.workload;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernel paths of the calls FlexSC measured (Linux 2.6.33 on Nehalem) and a null call.
 *
 * <p>Sources. Instructions per call: FlexSC Table 1 (an input: the instructions a path runs). Footprints: the paper
 * describes what the calls touch only through Table 1 itself, so the L1 code and data lines and the d-TLB entries
 * below were read from Table 1's i-cache, d-cache and d-TLB columns (reasoned backwards; the L1 and d-TLB evictions
 * the model reports for these calls are therefore a consistency check of the replacement model, not a prediction).
 * What the model predicts from them is the L2 and L3 evictions (from the prefetchers), the kernel cycles and IPC, and
 * every user-IPC effect. ASSUMPTION: kernel data are scattered single lines (runs of 1: dentries, inodes, files,
 * page structs from different slabs), code runs of 2 lines (short functions); core IPC 1.0 when cached (branchy kernel
 * code on a 4-wide core); i-TLB entries one per 4 code runs (kernel text in few large pages).
 *
 * <p>pread, pwrite and the write of open+write+close move file data between the user's buffer and the page cache, whose unit is a whole page, so part
 * of their data footprint is one contiguous run rather than scattered objects. ASSUMPTION: each call copies one 4 KB
 * page ({@link #COPY_LINES}); FlexSC does not give the request size, and a page is the page cache's unit of transfer.
 * The run is counted inside Table 1's d-cache lines, not added to them.
 */
public final class KernelPaths {
    private KernelPaths() { }

    /** ASSUMPTION: kernel IPC with all lines cached (see the class comment). */
    public static final double KERNEL_CORE_IPC = 1.0;

    /** ASSUMPTION: lines of file data pread and pwrite copy through the page cache per call: one 4 KB page of 64 B lines. */
    public static final int COPY_LINES = 64;

    private static KernelPath path(String name, long instr, int iLines, int dLines, int dtlb) {
        return path(name, instr, iLines, dLines, dtlb, 0);
    }

    private static KernelPath path(String name, long instr, int iLines, int dLines, int dtlb, int copyLines) {
        int codeRuns = (iLines + 1) / 2;
        return new KernelPath(name, instr, KERNEL_CORE_IPC, iLines, 2, dLines, 1, dtlb, Math.max(1, codeRuns / 4), copyLines);
    }

    /** Every path by name, in Table 1's order, then the null call. */
    public static Map<String, KernelPath> all() {
        Map<String, KernelPath> m = new LinkedHashMap<>();
        //                         FlexSC Table 1: instructions | i-cache | d-cache | d-TLB
        m.put("stat", path("stat", 4972, 32, 186, 21));
        m.put("pread", path("pread", 3739, 32, 294, 20, COPY_LINES));
        m.put("pwrite", path("pwrite", 5689, 50, 373, 44, COPY_LINES));
        m.put("open+close", path("open+close", 6631, 47, 240, 28));
        m.put("mmap+munmap", path("mmap+munmap", 8977, 41, 233, 7));
        m.put("open+write+close", path("open+write+close", 9921, 78, 481, 49, COPY_LINES));
        m.put("null", nullCall());
        return m;
    }

    /** Table 1's calls (not the null call). */
    public static List<String> table1Calls() {
        return List.of("stat", "pread", "pwrite", "open+close", "mmap+munmap", "open+write+close");
    }

    public static KernelPath byName(String name) {
        KernelPath p = all().get(name);
        if (p == null) throw new IllegalArgumentException("call = " + name + " is not allowed; allowed: one of " + String.join(", ", all().keySet()));
        return p;
    }

    /**
     * The null call FlexSC uses to measure the direct cost (a gettsc-like call that returns at once). ASSUMPTION: the
     * entry and exit path runs ~60 instructions over 4 code lines and touches 6 data lines (kernel stack, thread info,
     * per-CPU area, system-call table) on 2 d-TLB entries; FlexSC gives only its 150 mode-switch cycles.
     */
    public static KernelPath nullCall() {
        return new KernelPath("null", 60, KERNEL_CORE_IPC, 4, 2, 6, 1, 2, 1);
    }
}

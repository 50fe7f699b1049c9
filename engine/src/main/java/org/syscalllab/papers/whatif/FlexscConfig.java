package org.syscalllab.papers.whatif;

import org.syscalllab.mech.ExceptionLessCosts;

/**
 * The exception-less side of a run (a libflexsc-style asynchronous library over FlexSC's syscall pages): how many
 * entries each event loop has, what each step costs, and where the syscall threads run.
 *
 * @param pagesPerLoop   syscall pages each event loop registers (FlexSC's default is 8 per core)
 * @param entriesPerPage 64-byte entries per 4 KB page (FlexSC: 64)
 * @param costs          entry write/read, syscall-thread dispatch, hand-off, IPI and cache-line transfer costs
 * @param syscallCores   0: each loop's syscall thread runs on the loop's own core, entered by {@code flexsc_wait}
 *                       (FlexSC's single-core batching); k &gt; 0: k dedicated cores beyond the loops' run the syscall
 *                       threads (FlexSC's core specialisation), one active syscall thread per core at most
 */
public record FlexscConfig(int pagesPerLoop, int entriesPerPage, ExceptionLessCosts costs, int syscallCores) {
    public FlexscConfig {
        if (pagesPerLoop < 1 || pagesPerLoop > 256) throw new IllegalArgumentException("pages_per_loop = " + pagesPerLoop + " is not allowed; allowed: [1, 256]");
        if (entriesPerPage < 1 || entriesPerPage > 4096) throw new IllegalArgumentException("entries_per_page = " + entriesPerPage + " is not allowed; allowed: [1, 4096]");
        if (costs == null) throw new IllegalArgumentException("costs must not be null");
        if (syscallCores < 0 || syscallCores > 64) throw new IllegalArgumentException("syscall_cores = " + syscallCores + " is not allowed; allowed: [0, 64]");
    }

    /** Whether the syscall threads run on cores of their own rather than on the loops' cores. */
    public boolean dedicated() { return syscallCores > 0; }
}

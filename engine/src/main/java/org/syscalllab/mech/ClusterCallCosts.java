package org.syscalllab.mech;

/**
 * What each primitive step of the cluster-call path costs, in cycles of the core clock. Mechanism code decides which
 * steps happen (and where); this record prices them. The values for the thesis's machine are assembled, with their
 * sources, in {@code org.syscalllab.papers.clustercalls.ThesisInputs}.
 *
 * @param trapEntry       user→kernel entry (sysenter path) of one system call
 * @param trapExit        kernel→user exit of one system call
 * @param workItem        kernel: create one work item from a request-stack entry and put it in the batch
 * @param capture         worker, per call: read the slot, capture and validate number and argument pointer, set the
 *                        previous mode, copy arguments, dispatch through the service table and store the result
 * @param atomic          one locked read-modify-write on a cache line the core already holds
 * @param lineTransfer    fetching a cache line last written by another core (cache-to-cache transfer)
 * @param signal          readying a waiting thread (setting an event or the barrier; dispatcher lock, unwait)
 * @param waitEnter       entering a kernel wait that blocks (dispatcher lock, wait block, select next thread)
 * @param threadSwitch    a thread context switch on one core
 * @param ipi             sending an inter-processor interrupt to wake another core's thread
 * @param idleExit        a core leaving its idle (halted) state
 * @param fiberSwitch     user mode: switching between two fibers of a client
 * @param redirect        user mode, per redirected call: the hook jump, slot write, stack push, ready-map update
 */
public record ClusterCallCosts(long trapEntry, long trapExit, long workItem, long capture, long atomic,
                               long lineTransfer, long signal, long waitEnter, long threadSwitch, long ipi,
                               long idleExit, long fiberSwitch, long redirect) {
    public ClusterCallCosts {
        long[] v = {trapEntry, trapExit, workItem, capture, atomic, lineTransfer, signal, waitEnter, threadSwitch, ipi,
                idleExit, fiberSwitch, redirect};
        String[] n = {"trap_entry", "trap_exit", "work_item", "capture", "atomic", "line_transfer", "signal",
                "wait_enter", "thread_switch", "ipi", "idle_exit", "fiber_switch", "redirect"};
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0 || v[i] > 100_000_000L) {
                throw new IllegalArgumentException(n[i] + " = " + v[i] + " cycles is not allowed; allowed: 0..100000000");
            }
        }
    }

    /** One traditional system call's crossing: entry plus exit. */
    public long trap() { return trapEntry + trapExit; }

    /** Cycles for a remote core to start running a thread another core readied while it was idle. */
    public long remoteWake() { return ipi + idleExit; }
}

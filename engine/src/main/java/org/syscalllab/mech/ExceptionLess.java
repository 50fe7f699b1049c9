package org.syscalllab.mech;

import java.util.List;

/**
 * FlexSC exception-less system calls for one thread (FlexSC §3, the Fig. 9/10 microbenchmark): the thread posts every
 * call of the sequence into free entries of its syscall pages (no exception), then calls {@code flexsc_wait}, the one
 * trap of the batch. A syscall thread takes the submitted entries one after another and posts the results; the caller
 * reads them and frees the entries.
 *
 * <ul>
 *   <li><b>Local</b> (single core): {@code flexsc_wait} hands the core to a syscall thread, which runs the batch and
 *       hands it back.</li>
 *   <li><b>Remote</b> (core specialisation): the syscall thread sleeps on another core; {@code flexsc_wait} puts the
 *       caller to sleep and an IPI wakes the remote syscall thread; each entry's line moves to the remote core and its
 *       result back; when the batch is done a second IPI wakes the caller.</li>
 * </ul>
 * A sequence longer than the pages' capacity is split into batches of at most that many calls. The entries pass through
 * a real {@link SyscallPages} state machine, so a run also checks that every entry completes once and is freed.
 */
public final class ExceptionLess implements Mechanism {
    private final boolean remote;
    private final ExceptionLessCosts costs;
    private final SyscallPages pages;

    public ExceptionLess(boolean remote, ExceptionLessCosts costs, int pages, int entriesPerPage) {
        this.remote = remote;
        this.costs = java.util.Objects.requireNonNull(costs, "costs");
        this.pages = new SyscallPages(0, pages, entriesPerPage);
    }

    @Override
    public String series() { return remote ? "flexsc_remote" : "flexsc"; }

    /** The pages used (to inspect entry states after a run). */
    public SyscallPages pages() { return pages; }

    @Override
    public CallCost execute(List<CallRequest> calls, CostModel cm) {
        CallCost total = CallCost.ZERO;
        int i = 0;
        while (i < calls.size()) {
            int end = Math.min(calls.size(), i + pages.capacity());
            total = total.plus(batch(calls.subList(i, end), cm));
            i = end;
        }
        return total;
    }

    private CallCost batch(List<CallRequest> batch, CostModel cm) {
        long user = 0;
        long kernel = 0;
        long copy = 0;
        int[] entries = new int[batch.size()];
        for (int k = 0; k < batch.size(); k++) {
            CallRequest c = batch.get(k);
            user += cm.userCycles(c.userInstructions()) + costs.entryWriteCycles();
            entries[k] = pages.submit(k);
            if (entries[k] < 0) throw new IllegalStateException("no free entry for call " + k + " of a batch of " + batch.size());
        }
        long crossing = cm.crossingCycles();                      // flexsc_wait: the batch's only trap
        kernel += 2 * costs.handoffCycles();                      // to the syscall thread and back
        if (remote) kernel += 2 * costs.ipiCycles();              // wake the remote syscall thread, then the caller
        for (int k = 0; k < batch.size(); k++) {
            int e = pages.take();
            CallRequest c = batch.get((int) pages.tag(e));
            kernel += costs.dispatchCycles() + cm.kernelCycles(c);
            if (remote) kernel += 2 * costs.lineTransferCycles();   // the entry to the remote core, its result back
            copy += cm.copyCycles(c.bytes());
            pages.complete(e);
        }
        for (int e : entries) {
            pages.reap(e);
            user += costs.entryWriteCycles();
        }
        return new CallCost(user, kernel, crossing, copy, 1, batch.size());
    }
}

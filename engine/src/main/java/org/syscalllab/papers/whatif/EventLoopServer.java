package org.syscalllab.papers.whatif;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.random.RandomGenerator;
import org.syscalllab.mech.CallRequest;
import org.syscalllab.mech.ExceptionLessCosts;
import org.syscalllab.mech.SyscallCoreList;
import org.syscalllab.mech.SyscallPages;
import org.syscalllab.sim.Simulation;
import org.syscalllab.sim.Tally;

/**
 * An epoll-style server simulated event by event: one event loop per application core, closed-loop connections, and,
 * for SQPOLL, one kernel poller thread serving every loop's ring. A loop iteration takes the ready requests (at most
 * {@code maxEvents}), runs each handler and gets the request's calls done the way its {@link Version} says; a loop
 * with nothing ready blocks and is woken by the next request. Every SQE gets an id and must complete exactly once;
 * completions beyond a ring's CQ size are counted as overflows (and still delivered).
 *
 * <p><b>Exception-less (FLEXSC).</b> Each loop registers its own {@link SyscallPages}; it writes each call of a request
 * into a free entry (holding the call back in user space while none is free) plus, when it took events, one
 * exception-less {@code epoll_wait}, and carries on. With the syscall threads on the loop's own core, the loop then
 * calls {@code flexsc_wait} (its one trap), a syscall thread takes the core, executes every submitted entry in order
 * and hands the core back, and the loop reads the results and frees the entries. With dedicated syscall cores (chosen
 * through a {@link SyscallCoreList}, at most one active syscall thread per core), a running syscall thread keeps taking
 * submitted entries of every loop in submission order, each entry's line moving to its core and the result back; it
 * sleeps when none is left. A loop traps into {@code flexsc_wait} only when it has nothing ready to handle (or no free
 * entry) and nothing done to read; that trap sends an IPI to wake a syscall thread if one is needed, and the loop is
 * woken by an IPI when one of its entries completes (or by the next request's arrival). Every entry goes through the
 * pages' state machine and must complete exactly once and return to free.
 *
 * <p>Where a poller shares a core with loop 0, a step that starts while the other is running takes twice as long
 * (the two share the core half and half); CPU spent counts the work itself, not the stretched time.
 */
public final class EventLoopServer {
    private final Simulation sim;
    private final ServerSpec spec;
    private final ServerCosts costs;
    private final RandomGenerator think;
    private final List<CallRequest> calls;
    private final Loop[] loops;
    private final long[] arrivedAt;
    private final Poller poller;

    // statistics
    private final Tally latency = new Tally();
    private long done;
    private boolean measuring;
    private long windowStart;
    private long windowEnd = -1;
    private long cpuCycles;          // work of loops and poller while measuring
    private long crossings;
    private long requestsMeasured;
    private long pollerAwakeCycles;
    private long pollerSpinCycles;

    // invariants
    private long sqeSubmitted;
    private long sqeCompleted;
    private final BitSet sqeDone = new BitSet();
    private long cqOverflows;
    private long sqFullStalls;
    private long pollerWakeups;
    private long pollerSleeps;
    private long entriesPosted;
    private long entriesCompleted;
    private long entriesReaped;
    private long entryStalls;
    private final BitSet entryDone = new BitSet();

    // exception-less calls
    private final FlexscConfig fx;
    private final ExceptionLessCosts fxc;
    private final SyscallCoreList syscallCores;
    private final ArrayDeque<Loop> submissionOrder = new ArrayDeque<>(); // owner loop of each submitted entry, FIFO

    /** One SQE in flight. */
    private record Sqe(int id, int conn, Loop loop, CallRequest call, boolean last) { }

    /** One exception-less call posted by a loop: a request's call, or the loop's epoll_wait ({@code conn} = -1). */
    private record Posted(int id, int conn, CallRequest call, long kernelCycles, boolean last) { }

    /** One event loop and its ring. */
    private static final class Loop {
        final int index;
        final ArrayDeque<Integer> ready = new ArrayDeque<>();
        final ArrayDeque<Sqe> sq = new ArrayDeque<>();
        final ArrayDeque<Sqe> backlog = new ArrayDeque<>();
        boolean running;
        boolean blockedInEnter;
        long cqPending;
        // exception-less calls
        SyscallPages pages;
        Posted[] posted;
        final ArrayDeque<Posted> waiting = new ArrayDeque<>(); // posted while no entry was free
        final ArrayDeque<Integer> doneEntries = new ArrayDeque<>();
        boolean inWait;

        Loop(int index) { this.index = index; }

        int outstanding() { return pages.capacity() - pages.count(org.syscalllab.mech.SyscallEntryState.FREE) + waiting.size(); }
    }

    /** The SQPOLL kernel thread. */
    private static final class Poller {
        boolean awake = true;
        boolean wakePending;
        boolean busy;
        long lastWorkAt;
    }

    public EventLoopServer(Simulation sim, ServerSpec spec, ServerCosts costs) {
        this.sim = sim;
        this.spec = spec;
        this.costs = costs;
        this.think = sim.stream("think");
        this.calls = costs.workload().calls();
        this.loops = new Loop[spec.loops()];
        for (int i = 0; i < loops.length; i++) loops[i] = new Loop(i);
        this.arrivedAt = new long[spec.connections()];
        this.poller = spec.version() == Version.SQPOLL ? new Poller() : null;
        this.fx = spec.flexsc();
        this.fxc = fx.costs();
        if (spec.version() == Version.FLEXSC) {
            for (Loop l : loops) {
                l.pages = new SyscallPages(l.index, fx.pagesPerLoop(), fx.entriesPerPage());
                l.posted = new Posted[l.pages.capacity()];
            }
            List<Integer> order = new ArrayList<>();
            int first = fx.dedicated() ? loops.length : 0;
            int n = fx.dedicated() ? fx.syscallCores() : loops.length;
            for (int c = first; c < first + n; c++) order.add(c);
            this.syscallCores = new SyscallCoreList(order, first + n);
        } else {
            this.syscallCores = null;
        }
    }

    /** Runs until the measured requests have completed and returns what was measured. */
    public Outcome run() {
        measuring = spec.warmupRequests() == 0;
        for (int c = 0; c < spec.connections(); c++) {
            int conn = c;
            sim.schedule(thinkTime(), s -> arrive(conn));
        }
        if (poller != null) sim.schedule(0, s -> scan());
        sim.run();
        if (windowEnd < 0) throw new IllegalStateException("the run ended before the measured requests completed");
        if (windowEnd <= windowStart) {
            throw new IllegalArgumentException("measured_requests = " + spec.measuredRequests() + " is too few: they all completed"
                    + " in the same cycle, so the measured window is empty; measure more requests (at least as many as connections)");
        }
        double seconds = (windowEnd - windowStart) / costs.clockHz();
        return new Outcome(requestsMeasured, requestsMeasured / seconds, latency.mean() / costs.clockHz() * 1e3,
                cpuCycles / costs.clockHz(), cpuCycles / costs.clockHz() / seconds,
                (double) crossings / requestsMeasured,
                pollerAwakeCycles == 0 ? 0 : 100.0 * pollerSpinCycles / pollerAwakeCycles,
                sqeSubmitted, sqeCompleted, sqeSubmitted - sqeCompleted, cqOverflows, sqFullStalls, pollerWakeups, pollerSleeps,
                entriesPosted, entriesCompleted, entriesReaped, entryStalls, pagesConsistent());
    }

    private long thinkTime() {
        if (spec.thinkCycles() == 0) return 0;
        return Math.round(-Math.log(1 - think.nextDouble()) * spec.thinkCycles());
    }

    private Loop loopOf(int conn) { return loops[conn % loops.length]; }

    // ------------------------------------------------------------------------------------------------- the loops
    private void arrive(int conn) {
        Loop l = loopOf(conn);
        arrivedAt[conn] = sim.now();
        l.ready.add(conn);
        if (spec.version() == Version.IO_URING || spec.version() == Version.SQPOLL) postCqe(l); // a multishot receive completes
        if (!l.running) {
            l.running = true;
            l.inWait = false;
            sim.schedule(spec.wakeupCycles(), s -> iterate(l));
        }
    }

    private int slowdown(Loop l) {
        return poller != null && spec.pollerSharesCore() && l.index == 0 && poller.awake ? 2 : 1;
    }

    private void iterate(Loop l) {
        l.cqPending = 0; // the loop reaps every completion it can see
        int slow = slowdown(l);
        long work = 0;
        List<Integer> batch = new ArrayList<>();
        while (!l.ready.isEmpty() && batch.size() < spec.maxEvents()) batch.add(l.ready.poll());
        switch (spec.version()) {
            case SYNC -> {
                work += costs.entryCycles() + spec.epollKernelCycles();
                crossings(1);
                for (int conn : batch) {
                    work += costs.handlerCycles();
                    for (CallRequest c : calls) {
                        work += costs.entryCycles() + costs.callWorkCycles(c);
                        crossings(1);
                    }
                    long at = sim.now() + work * slow;
                    sim.scheduleAt(at, s -> reply(conn));
                }
            }
            case IO_URING -> {
                List<Sqe> sqes = new ArrayList<>();
                for (int conn : batch) {
                    work += costs.handlerCycles();
                    for (int i = 0; i < calls.size(); i++) {
                        work += spec.uring().sqeUserCycles();
                        sqes.add(newSqe(conn, l, calls.get(i), i == calls.size() - 1));
                    }
                }
                int per = spec.uring().sqEntries();
                for (int from = 0; from < sqes.size() || from == 0; from += per) {
                    work += costs.entryCycles();
                    crossings(1);
                    for (int i = from; i < Math.min(sqes.size(), from + per); i++) {
                        Sqe q = sqes.get(i);
                        work += spec.uring().sqeKernelCycles() + costs.callWorkCycles(q.call());
                        long at = sim.now() + work * slow;
                        sim.scheduleAt(at, s -> complete(q));
                    }
                    long reapAt = sim.now() + work * slow;
                    sim.scheduleAt(reapAt, Simulation.MAX_PRIORITY, s -> l.cqPending = 0);
                    if (sqes.isEmpty()) break;
                }
            }
            case FLEXSC -> {
                if (fx.dedicated()) work += harvest(l);
                for (int conn : batch) {
                    work += costs.handlerCycles();
                    for (int i = 0; i < calls.size(); i++) {
                        CallRequest c = calls.get(i);
                        work += fxc.entryWriteCycles();
                        post(l, conn, c, costs.callWorkCycles(c), i == calls.size() - 1);
                    }
                }
                if (!batch.isEmpty()) {
                    work += fxc.entryWriteCycles();
                    post(l, -1, EPOLL, spec.epollKernelCycles(), false);
                }
                if (fx.dedicated()) {
                    long w = work;
                    account(w);
                    sim.schedule(w, s -> afterPosting(l));
                    return;
                }
                work += runLocalBatch(l, work);
            }
            case SQPOLL -> {
                if (l.blockedInEnter) {
                    work += costs.entryCycles(); // the io_uring_enter(GETEVENTS) it blocked in returns
                    crossings(1);
                    l.blockedInEnter = false;
                }
                List<Sqe> sqes = new ArrayList<>();
                for (int conn : batch) {
                    work += costs.handlerCycles();
                    for (int i = 0; i < calls.size(); i++) {
                        work += spec.uring().sqeUserCycles() + (long) spec.uring().sqeSharedLines() * costs.platform().cacheToCacheCycles();
                        sqes.add(newSqe(conn, l, calls.get(i), i == calls.size() - 1));
                    }
                }
                long w = work;
                sim.schedule(work * slow, s -> publish(l, sqes, w));
                return;
            }
        }
        account(work);
        sim.schedule(work * slow, s -> next(l));
    }

    /** SQPOLL: the loop writes its SQEs to the ring's tail, wakes the poller if it sleeps, and carries on. */
    private void publish(Loop l, List<Sqe> sqes, long work) {
        account(work);
        for (Sqe q : sqes) {
            if (l.sq.size() < spec.uring().sqEntries() && l.backlog.isEmpty()) l.sq.add(q);
            else l.backlog.add(q);
        }
        if (!l.backlog.isEmpty()) sqFullStalls++;
        if (!sqes.isEmpty() && !poller.awake) {
            long enter = costs.entryCycles(); // io_uring_enter(SQ_WAKEUP)
            crossings(1);
            account(enter);
            wakePoller();
            sim.schedule(enter * slowdown(l), s -> next(l));
        } else {
            next(l);
        }
    }

    private void next(Loop l) {
        // same-core exception-less calls: the loop has its core back and reads every result (the batch's completions
        // were scheduled before this event, so all of them have fired; the cycles were counted with the batch)
        if (spec.version() == Version.FLEXSC && !fx.dedicated()) harvest(l);
        if (!l.ready.isEmpty() || (spec.version() == Version.FLEXSC && l.outstanding() > 0)) {
            iterate(l);
        } else {
            l.running = false;
            if (spec.version() == Version.SQPOLL) l.blockedInEnter = true;
        }
    }

    private Sqe newSqe(int conn, Loop l, CallRequest call, boolean last) {
        if (sqeSubmitted >= Integer.MAX_VALUE) throw new IllegalStateException("too many SQEs for one run");
        Sqe q = new Sqe((int) sqeSubmitted, conn, l, call, last);
        sqeSubmitted++;
        return q;
    }

    private void complete(Sqe q) {
        if (sqeDone.get(q.id())) throw new IllegalStateException("SQE " + q.id() + " completed twice");
        sqeDone.set(q.id());
        sqeCompleted++;
        postCqe(q.loop());
        if (q.last()) reply(q.conn());
    }

    private void postCqe(Loop l) {
        l.cqPending++;
        if (l.cqPending > spec.uring().cqEntries()) cqOverflows++;
    }

    private void reply(int conn) {
        if (measuring) {
            latency.add(sim.now() - arrivedAt[conn]);
            requestsMeasured++;
        }
        done++;
        if (!measuring && done == spec.warmupRequests()) {
            measuring = true;
            windowStart = sim.now();
        }
        if (measuring && requestsMeasured == spec.measuredRequests()) {
            windowEnd = sim.now();
            sim.stop();
            return;
        }
        sim.schedule(thinkTime(), s -> arrive(conn));
    }

    private void crossings(int n) { if (measuring) crossings += n; }

    private void account(long work) { if (measuring) cpuCycles += work; }

    // ---------------------------------------------------------------------------------------- exception-less calls
    /** The loop's epoll_wait as an exception-less call (its kernel work is the spec's epoll cycles). */
    private static final CallRequest EPOLL = new CallRequest("epoll_wait", 0, 0, 0, true, false);

    /** The loop posts one call: into a free entry, or held back in user space until one frees. */
    private void post(Loop l, int conn, CallRequest c, long kernelCycles, boolean last) {
        if (entriesPosted >= Integer.MAX_VALUE) throw new IllegalStateException("too many exception-less calls for one run");
        Posted q = new Posted((int) entriesPosted++, conn, c, kernelCycles, last);
        if (!l.waiting.isEmpty() || !submit(l, q)) {
            l.waiting.add(q);
            entryStalls++;
        }
    }

    private boolean submit(Loop l, Posted q) {
        int e = l.pages.submit(q.id());
        if (e < 0) return false;
        l.posted[e] = q;
        if (fx.dedicated()) submissionOrder.add(l);
        return true;
    }

    /** Moves calls held back in user space into entries that have become free. */
    private void refill(Loop l) {
        while (!l.waiting.isEmpty() && l.pages.hasFree()) submit(l, l.waiting.poll());
    }

    /** The loop reads the result of every done entry and frees it; returns its user cycles. */
    private long harvest(Loop l) {
        long work = 0;
        while (!l.doneEntries.isEmpty()) {
            l.pages.reap(l.doneEntries.poll());
            entriesReaped++;
            work += fxc.entryWriteCycles();
        }
        refill(l);
        return work;
    }

    /** A syscall thread has executed entry {@code e} of loop {@code l}. */
    private void completeEntry(Loop l, int e) {
        Posted q = l.posted[e];
        if (entryDone.get(q.id())) throw new IllegalStateException("exception-less call " + q.id() + " completed twice");
        entryDone.set(q.id());
        entriesCompleted++;
        l.pages.complete(e);
        l.doneEntries.add(e);
        if (q.last()) reply(q.conn());
    }

    /**
     * Same-core placement: {@code flexsc_wait} (the loop's one trap), the in-kernel hand-off to a syscall thread of this
     * core, which executes every submitted entry in order, the hand-off back, and the loop reading every result.
     * Returns the cycles of all that; completions are scheduled where they happen within it.
     */
    private long runLocalBatch(Loop l, long before) {
        long work = costs.entryCycles();
        crossings(1);
        syscallCores.activate(l.index);
        work += fxc.handoffCycles();
        for (int e; (e = l.pages.take()) >= 0; ) {
            Posted q = l.posted[e];
            work += fxc.dispatchCycles() + q.kernelCycles();
            int entry = e;
            sim.schedule(before + work, s -> completeEntry(l, entry));
        }
        work += fxc.handoffCycles();
        syscallCores.deactivate(l.index);
        int n = l.pages.count(org.syscalllab.mech.SyscallEntryState.BUSY);
        work += (long) n * fxc.entryWriteCycles();                // read at the start of next(): see there
        return work;
    }

    /** Dedicated placement: after posting, the loop goes on, reads results, or traps into {@code flexsc_wait}. */
    private void afterPosting(Loop l) {
        if (!l.doneEntries.isEmpty() || (!l.ready.isEmpty() && l.waiting.isEmpty())) {
            iterate(l);
        } else if (l.outstanding() > 0) {
            long trap = costs.entryCycles();
            crossings(1);
            account(trap);
            wakeSyscallThread();
            sim.schedule(trap, s -> block(l));
        } else {
            l.running = false;
        }
    }

    private void block(Loop l) {
        if (!l.doneEntries.isEmpty()) { iterate(l); return; } // a result arrived during the trap
        l.running = false;
        l.inWait = true;
    }

    /** FlexSC's placement decision: the first listed syscall core with no active syscall thread, woken by an IPI. */
    private void wakeSyscallThread() {
        if (submissionOrder.isEmpty()) return;
        int core = syscallCores.pick(-1);
        if (core < 0) return;
        syscallCores.activate(core);
        account(fxc.ipiCycles());
        sim.schedule(fxc.ipiCycles(), s -> serve(core));
    }

    /** A dedicated syscall thread takes the oldest submitted entry of any loop, or sleeps when there is none. */
    private void serve(int core) {
        Loop o = submissionOrder.poll();
        if (o == null) {
            syscallCores.deactivate(core);
            return;
        }
        int e = o.pages.take();
        if (e < 0) throw new IllegalStateException("loop " + o.index + " has no submitted entry although one was queued");
        long work = fxc.dispatchCycles() + o.posted[e].kernelCycles() + 2 * fxc.lineTransferCycles();
        account(work);
        sim.schedule(work, s -> {
            completeEntry(o, e);
            if (o.inWait && !o.running) {               // the caller sleeps in flexsc_wait: an IPI wakes it
                o.inWait = false;
                o.running = true;
                account(fxc.ipiCycles());
                sim.schedule(fxc.ipiCycles(), t -> iterate(o));
            }
            serve(core);
        });
    }

    /** Every loop's pages account for each entry exactly once and agree with the run's counts. */
    private boolean pagesConsistent() {
        if (spec.version() != Version.FLEXSC) return true;
        long submissions = 0, completions = 0, reaps = 0, held = 0;
        for (Loop l : loops) {
            held += l.waiting.size();
            int sum = 0;
            for (org.syscalllab.mech.SyscallEntryState st : org.syscalllab.mech.SyscallEntryState.values()) sum += l.pages.count(st);
            if (sum != l.pages.capacity()) return false;
            submissions += l.pages.submissions();
            completions += l.pages.completions();
            reaps += l.pages.reaped();
        }
        return completions == entriesCompleted && reaps == entriesReaped && submissions + held == entriesPosted;
    }

    // ------------------------------------------------------------------------------------------------ the poller
    private int pollerSlowdown() {
        return spec.pollerSharesCore() && loops[0].running ? 2 : 1;
    }

    /** One pass over every ring: up to the per-ring cap of SQEs from each, executed in order. */
    private void scan() {
        int slow = pollerSlowdown();
        long work = spec.uring().scanCyclesPerRing() * loops.length;
        boolean found = false;
        for (Loop l : loops) {
            for (int k = 0; k < spec.uring().perRingCap() && !l.sq.isEmpty(); k++) {
                Sqe q = l.sq.poll();
                if (!l.backlog.isEmpty()) l.sq.add(l.backlog.poll());
                found = true;
                work += spec.uring().sqeKernelCycles() + costs.callWorkCycles(q.call());
                sim.schedule(work * slow, s -> complete(q));
            }
        }
        long elapsed = work * slow;
        account(work);
        if (measuring) {
            pollerAwakeCycles += work;
            if (!found) pollerSpinCycles += work;
        }
        if (found) poller.lastWorkAt = sim.now() + elapsed;
        if (!found && sim.now() + elapsed - poller.lastWorkAt >= spec.uring().idleTimeoutCycles()) {
            sim.schedule(elapsed, s -> sleepPoller());
        } else {
            sim.schedule(elapsed, s -> scan());
        }
    }

    private void sleepPoller() {
        for (Loop l : loops) {
            if (!l.sq.isEmpty()) { scan(); return; } // work arrived during the last pass: keep polling
        }
        poller.awake = false;
        pollerSleeps++;
    }

    private void wakePoller() {
        if (poller.awake || poller.wakePending) return;
        poller.wakePending = true;
        pollerWakeups++;
        sim.schedule(spec.wakeupCycles(), s -> {
            poller.wakePending = false;
            poller.awake = true;
            poller.lastWorkAt = sim.now();
            scan();
        });
    }

    /**
     * What a run measured.
     *
     * @param requests         requests measured
     * @param throughputRps    requests per second over the measured window
     * @param latencyMs        mean time from a request's arrival at its loop to its reply
     * @param cpuSeconds       CPU time of loops and poller (spinning included) over the window
     * @param coresBusy        CPU seconds per second of the window
     * @param crossingsPerRequest kernel crossings of the loops per request
     * @param spinPct          share of the poller's awake time spent on passes that found nothing
     * @param sqeSubmitted     SQEs created (whole run)
     * @param sqeCompleted     SQEs completed (whole run)
     * @param sqeInFlight      SQEs submitted but not yet completed when the run stopped
     * @param cqOverflows      completions posted while the CQ ring was full (kept on the overflow list)
     * @param sqFullStalls     times a loop found its SQ ring full and had to hold SQEs back
     * @param pollerWakeups    times a loop had to wake the sleeping poller
     * @param pollerSleeps     times the poller went to sleep after its idle timeout
     * @param entriesPosted    exception-less calls posted (whole run)
     * @param entriesCompleted exception-less calls executed by a syscall thread (whole run)
     * @param entriesReaped    entries whose result the loop read and that went back to free (whole run)
     * @param entryStalls      calls a loop had to hold back because every entry of its pages was in use
     * @param pagesConsistent  whether every loop's pages account for all their entries and agree with these counts
     */
    public record Outcome(long requests, double throughputRps, double latencyMs, double cpuSeconds, double coresBusy,
                          double crossingsPerRequest, double spinPct, long sqeSubmitted, long sqeCompleted,
                          long sqeInFlight, long cqOverflows, long sqFullStalls, long pollerWakeups, long pollerSleeps,
                          long entriesPosted, long entriesCompleted, long entriesReaped, long entryStalls,
                          boolean pagesConsistent) {
        /** CPU microseconds per measured request. */
        public double cpuMicrosPerRequest() { return cpuSeconds * 1e6 / requests; }
    }
}

package org.syscalllab.papers.whatif;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.random.RandomGenerator;
import org.syscalllab.mech.CallRequest;
import org.syscalllab.sim.Simulation;
import org.syscalllab.sim.Tally;

/**
 * An epoll-style server simulated event by event: one event loop per application core, closed-loop connections, and,
 * for SQPOLL, one kernel poller thread serving every loop's ring. A loop iteration takes the ready requests (at most
 * {@code maxEvents}), runs each handler and gets the request's calls done the way its {@link Version} says; a loop
 * with nothing ready blocks and is woken by the next request. Every SQE gets an id and must complete exactly once;
 * completions beyond a ring's CQ size are counted as overflows (and still delivered).
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

    /** One SQE in flight. */
    private record Sqe(int id, int conn, Loop loop, CallRequest call, boolean last) { }

    /** One event loop and its ring. */
    private static final class Loop {
        final int index;
        final ArrayDeque<Integer> ready = new ArrayDeque<>();
        final ArrayDeque<Sqe> sq = new ArrayDeque<>();
        final ArrayDeque<Sqe> backlog = new ArrayDeque<>();
        boolean running;
        boolean blockedInEnter;
        long cqPending;

        Loop(int index) { this.index = index; }
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
                sqeSubmitted, sqeCompleted, sqeSubmitted - sqeCompleted, cqOverflows, sqFullStalls, pollerWakeups, pollerSleeps);
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
        if (spec.version() != Version.SYNC) postCqe(l); // a multishot receive completes
        if (!l.running) {
            l.running = true;
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
        if (!l.ready.isEmpty()) {
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
     */
    public record Outcome(long requests, double throughputRps, double latencyMs, double cpuSeconds, double coresBusy,
                          double crossingsPerRequest, double spinPct, long sqeSubmitted, long sqeCompleted,
                          long sqeInFlight, long cqOverflows, long sqFullStalls, long pollerWakeups, long pollerSleeps) {
        /** CPU microseconds per measured request. */
        public double cpuMicrosPerRequest() { return cpuSeconds * 1e6 / requests; }
    }
}

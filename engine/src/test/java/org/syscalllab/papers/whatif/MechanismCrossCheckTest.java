package org.syscalllab.papers.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syscalllab.hw.Platform;
import org.syscalllab.hw.Platforms;
import org.syscalllab.mech.CallCost;
import org.syscalllab.mech.CallRequest;
import org.syscalllab.mech.ExceptionLess;
import org.syscalllab.mech.ExceptionLessCosts;
import org.syscalllab.mech.IoUring;
import org.syscalllab.sim.Simulation;

/**
 * The event-loop model and the single-thread mechanisms of {@code mech} must agree on what one request costs. With a
 * single connection every loop iteration serves exactly one request, so the CPU the loop spends per request must equal
 * the handler, plus the pollution of its one kernel entry, plus what {@link IoUring} / {@link ExceptionLess} charge for
 * the request's calls submitted as one batch. Stated tolerance: 0.1 % (the two differ only by rounding of the mean).
 * Under load, the loop batches many requests per entry, so its cost per request must fall between the fully amortised
 * ring cost (one enter per ring-full) and the one-request cost, give or take the window's edges (CPU is counted per
 * iteration, requests per reply, so at most one iteration of {@code maxEvents} requests sits astride each edge).
 */
class MechanismCrossCheckTest {
    private static final double TOLERANCE = 0.001;
    private static final Platform MODERN = Platforms.modernServerCore(true);
    private static final ServerCosts COSTS = new ServerCosts(MODERN, Workload.memcachedLike(), 1.0, 1.5, 16, false);
    private static final long EPOLL_CYCLES = 1_500;
    private static final int MAX_EVENTS = 64;
    private static final UringConfig URING = new UringConfig(256, 512, 30, 300, 2, 1_000_000, 100, 8);
    private static final ExceptionLessCosts XC = new ExceptionLessCosts(10, 50, 100, MODERN.ipiCycles(), MODERN.cacheToCacheCycles());

    private static EventLoopServer.Outcome run(Version v, int conns, int syscallCores) {
        return run(v, conns, syscallCores, 2_000);
    }

    private static EventLoopServer.Outcome run(Version v, int conns, int syscallCores, int measured) {
        ServerSpec spec = new ServerSpec(v, 1, conns, 42_000, 10_000, EPOLL_CYCLES, MAX_EVENTS, URING, false, 100, measured,
                new FlexscConfig(8, 64, XC, syscallCores));
        return new EventLoopServer(new Simulation(11), spec, COSTS).run();
    }

    private static double cyclesPerRequest(EventLoopServer.Outcome o) {
        return o.cpuMicrosPerRequest() * 1e-6 * COSTS.clockHz();
    }

    private static void assertClose(double expected, double actual, String what) {
        assertTrue(Math.abs(actual - expected) <= TOLERANCE * expected, what + ": expected " + expected + ", loop spent " + actual);
    }

    @Test
    void theLoopSpendsPerRequestWhatTheRingModelChargesForOneBatch() {
        List<CallRequest> calls = Workload.memcachedLike().calls();
        CallCost ring = new IoUring(URING.sqEntries(), calls.size(), false, URING.sqeUserCycles(), URING.sqeKernelCycles())
                .execute(calls, COSTS);
        double expected = COSTS.handlerCycles() + COSTS.pollutionCycles() + ring.totalCycles();
        EventLoopServer.Outcome o = run(Version.IO_URING, 1, 0);
        assertClose(expected, cyclesPerRequest(o), "io_uring, one request per enter");
        assertEquals(ring.crossings(), o.crossingsPerRequest(), 1e-9);
    }

    @Test
    void underLoadTheLoopAmortisesTheEnterNoFurtherThanAFullRing() {
        List<CallRequest> calls = Workload.memcachedLike().calls();
        CallCost one = new IoUring(URING.sqEntries(), calls.size(), false, URING.sqeUserCycles(), URING.sqeKernelCycles()).execute(calls, COSTS);
        List<CallRequest> many = new ArrayList<>();
        int requests = URING.sqEntries() / calls.size();
        for (int i = 0; i < requests; i++) many.addAll(calls);
        CallCost full = new IoUring(URING.sqEntries(), URING.sqEntries(), false, URING.sqeUserCycles(), URING.sqeKernelCycles()).execute(many, COSTS);
        double lower = COSTS.handlerCycles() + (full.totalCycles() + (double) COSTS.pollutionCycles()) / requests;
        double upper = COSTS.handlerCycles() + COSTS.pollutionCycles() + one.totalCycles();
        int measured = 20_000;
        double edges = 2.0 * MAX_EVENTS / measured;
        double spent = cyclesPerRequest(run(Version.IO_URING, 128, 0, measured));
        assertTrue(spent > lower * (1 - edges) && spent < upper, lower + " < " + spent + " < " + upper);
    }

    @Test
    void theLoopSpendsPerRequestWhatTheExceptionLessModelChargesForOneBatch() {
        // the loop's batch: the request's calls plus its exception-less epoll_wait (priced as a call of the same cycles)
        List<CallRequest> batch = new ArrayList<>(Workload.memcachedLike().calls());
        batch.add(CallRequest.of("epoll_wait", Math.round(EPOLL_CYCLES / COSTS.kernelCpi())));
        CallCost local = new ExceptionLess(false, XC, 8, 64).execute(batch, COSTS);
        double expected = COSTS.handlerCycles() + COSTS.pollutionCycles() + local.totalCycles();
        EventLoopServer.Outcome o = run(Version.FLEXSC, 1, 0);
        assertClose(expected, cyclesPerRequest(o), "exception-less, syscall thread on the loop's core");
        assertEquals(local.crossings(), o.crossingsPerRequest(), 1e-9);
    }

    @Test
    void theSyncLoopSpendsPerRequestOneTrapPerCallPlusItsEpollWait() {
        List<CallRequest> batch = new ArrayList<>(Workload.memcachedLike().calls());
        batch.add(CallRequest.of("epoll_wait", Math.round(EPOLL_CYCLES / COSTS.kernelCpi())));
        CallCost sync = new org.syscalllab.mech.SyncTrap().execute(batch, COSTS);
        double expected = COSTS.handlerCycles() + batch.size() * COSTS.pollutionCycles() + sync.totalCycles();
        EventLoopServer.Outcome o = run(Version.SYNC, 1, 0);
        assertClose(expected, cyclesPerRequest(o), "sync, one trap per call");
        assertEquals(sync.crossings(), o.crossingsPerRequest(), 1e-9);
    }

    @Test
    void withADedicatedSyscallCoreTheLoopSpendsAtLeastTheRemoteModelLessItsHandOffs() {
        // The remote model charges, per batch, the flexsc_wait crossing, both hand-offs, both IPIs and each entry's
        // line both ways. The loop with one connection makes the same trap and IPIs, but no in-kernel hand-off (the
        // syscall thread runs on its own core). flexsc_wait returns as soon as one entry is done, so the loop may wake
        // and trap again once per further entry of the batch (a trap and an IPI each): that bounds it from above.
        List<CallRequest> batch = new ArrayList<>(Workload.memcachedLike().calls());
        batch.add(CallRequest.of("epoll_wait", Math.round(EPOLL_CYCLES / COSTS.kernelCpi())));
        CallCost remote = new ExceptionLess(true, XC, 8, 64).execute(batch, COSTS);
        double lower = COSTS.handlerCycles() + COSTS.pollutionCycles() + remote.totalCycles() - 2 * XC.handoffCycles();
        double upper = lower + (batch.size() - 1) * (double) (COSTS.entryCycles() + XC.ipiCycles());
        EventLoopServer.Outcome o = run(Version.FLEXSC, 1, 1);
        double spent = cyclesPerRequest(o);
        assertTrue(spent >= lower * (1 - TOLERANCE) && spent <= upper * (1 + TOLERANCE), lower + " <= " + spent + " <= " + upper);
        assertTrue(o.crossingsPerRequest() >= 1 && o.crossingsPerRequest() <= batch.size(), "" + o.crossingsPerRequest());
    }
}

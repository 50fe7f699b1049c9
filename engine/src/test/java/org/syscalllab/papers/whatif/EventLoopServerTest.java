package org.syscalllab.papers.whatif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.syscalllab.hw.Platform;
import org.syscalllab.hw.Platforms;
import org.syscalllab.sim.Simulation;

class EventLoopServerTest {
    private static final Platform MODERN = Platforms.modernServerCore(true);
    private static final ServerCosts COSTS = new ServerCosts(MODERN, Workload.memcachedLike(), 1.0, 1.5, 16, false);

    private static final FlexscConfig FLEXSC_LOCAL = new FlexscConfig(8, 64,
            new org.syscalllab.mech.ExceptionLessCosts(10, 50, 100, MODERN.ipiCycles(), MODERN.cacheToCacheCycles()), 0);

    private static UringConfig uring(int sq, int cq, long idle) {
        return new UringConfig(sq, cq, 30, 300, 2, idle, 100, 8);
    }

    private static EventLoopServer.Outcome run(Version v, int loops, int conns, UringConfig u, boolean shares, long seed) {
        ServerSpec spec = new ServerSpec(v, loops, conns, 42_000, 10_000, 1_500, 64, u, shares, 200, 3_000, FLEXSC_LOCAL);
        return new EventLoopServer(new Simulation(seed), spec, COSTS).run();
    }

    private static void assertEverySqeAccounted(EventLoopServer.Outcome o, int loops, int conns) {
        assertEquals(o.sqeSubmitted(), o.sqeCompleted() + o.sqeInFlight());
        assertTrue(o.sqeInFlight() >= 0);
        // at most every connection's request is in flight when the run stops: nothing was lost on the way
        assertTrue(o.sqeInFlight() <= (long) conns * Workload.memcachedLike().calls().size(), "in flight " + o.sqeInFlight());
    }

    @Test
    void everySqeCompletesExactlyOnceWithTinyRings() {
        for (Version v : new Version[] {Version.IO_URING, Version.SQPOLL}) {
            EventLoopServer.Outcome o = run(v, 2, 64, uring(2, 2, 10_000), false, 3);
            assertTrue(o.sqeSubmitted() > 6_000, v + ": " + o.sqeSubmitted());
            assertEverySqeAccounted(o, 2, 64);
            assertTrue(o.cqOverflows() > 0, v + ": a 2-entry CQ under 32 connections per ring must overflow");
        }
    }

    @Test
    void aFullSubmissionRingHoldsEntriesBackWithoutLosingThem() {
        EventLoopServer.Outcome o = run(Version.SQPOLL, 1, 64, uring(1, 4096, 10_000), false, 5);
        assertTrue(o.sqFullStalls() > 0);
        assertEverySqeAccounted(o, 1, 64);
        assertEquals(3_000, o.requests());
    }

    @Test
    void aLargeEnoughCqNeverOverflows() {
        EventLoopServer.Outcome o = run(Version.IO_URING, 1, 8, uring(256, 4096, 10_000), false, 1);
        assertEquals(0, o.cqOverflows());
    }

    @Test
    void theSyncServerMakesOneCrossingPerCallPlusItsEpollWaits() {
        EventLoopServer.Outcome o = run(Version.SYNC, 1, 16, uring(256, 512, 0), false, 1);
        assertTrue(o.crossingsPerRequest() > 2 && o.crossingsPerRequest() <= 3, "" + o.crossingsPerRequest());
        assertEquals(0, o.sqeSubmitted());
    }

    @Test
    void aShortIdleTimeoutPutsThePollerToSleepAndLoopsMustWakeIt() {
        EventLoopServer.Outcome shortT = run(Version.SQPOLL, 1, 2, uring(256, 512, 100), false, 1);
        EventLoopServer.Outcome longT = run(Version.SQPOLL, 1, 2, uring(256, 512, 100_000_000), false, 1);
        assertTrue(shortT.pollerWakeups() > 100 && shortT.pollerSleeps() > 100);
        assertEquals(0, longT.pollerWakeups());
        assertTrue(longT.spinPct() > shortT.spinPct(), "a poller that never sleeps spins more");
        assertTrue(longT.cpuMicrosPerRequest() > shortT.cpuMicrosPerRequest(), "and spends more CPU per request");
    }

    @Test
    void sqpollHelpsWithASpareCoreAndHurtsWhenItTakesTheOnlyOne() {
        EventLoopServer.Outcome uring = run(Version.IO_URING, 1, 64, uring(256, 512, 2_100_000), false, 1);
        EventLoopServer.Outcome spare = run(Version.SQPOLL, 1, 64, uring(256, 512, 2_100_000), false, 1);
        EventLoopServer.Outcome shared = run(Version.SQPOLL, 1, 64, uring(256, 512, 2_100_000), true, 1);
        assertTrue(spare.throughputRps() > uring.throughputRps());
        assertTrue(shared.throughputRps() < uring.throughputRps());
    }

    @Test
    void sameSeedSameOutcome() {
        assertEquals(run(Version.SQPOLL, 2, 32, uring(16, 32, 5_000), true, 9),
                run(Version.SQPOLL, 2, 32, uring(16, 32, 5_000), true, 9));
    }

    @Test
    void theMitigationsMakeACrossingDearer() {
        Platform pre = Platforms.modernServerCore(false);
        assertTrue(MODERN.syscallRoundTripCycles() > pre.syscallRoundTripCycles());
        ServerCosts flush = new ServerCosts(MODERN, Workload.memcachedLike(), 1.0, 1.5, 16, true);
        assertTrue(flush.pollutionCycles() > COSTS.pollutionCycles(), "a TLB flush per crossing adds refills");
    }

    private static EventLoopServer.Outcome runFlexsc(Platform pl, int loops, int conns, int pages, int perPage, int syscallCores, long seed) {
        ServerCosts costs = new ServerCosts(pl, Workload.memcachedLike(), 1.0, 1.5, 16, false);
        FlexscConfig fx = new FlexscConfig(pages, perPage,
                new org.syscalllab.mech.ExceptionLessCosts(10, 50, 100, pl.ipiCycles(), pl.cacheToCacheCycles()), syscallCores);
        ServerSpec spec = new ServerSpec(Version.FLEXSC, loops, conns, 42_000, 10_000, 1_500, 64, uring(256, 512, 0), false, 200, 3_000, fx);
        return new EventLoopServer(new Simulation(seed), spec, costs).run();
    }

    @Test
    void everyExceptionLessEntryCompletesOnceAndReturnsToFreeEvenWhenEntriesRunOut() {
        int entriesPerRequest = Workload.memcachedLike().calls().size() + 1; // the calls and a share of an epoll_wait
        for (int syscallCores : new int[] {0, 1, 2}) {
            int loops = 3;
            int conns = 96;
            EventLoopServer.Outcome o = runFlexsc(MODERN, loops, conns, 1, 2, syscallCores, 4);
            String what = "syscall_cores = " + syscallCores;
            assertEquals(3_000, o.requests(), what);
            assertTrue(o.entryStalls() > 0, what + ": two entries per loop must run out under 32 connections per loop");
            assertTrue(o.pagesConsistent(), what + ": every entry is in exactly one state and the counts agree");
            long inFlight = o.entriesPosted() - o.entriesCompleted();
            assertTrue(inFlight >= 0 && inFlight <= (long) conns * entriesPerRequest, what + ": in flight " + inFlight);
            long doneUnread = o.entriesCompleted() - o.entriesReaped();
            assertTrue(doneUnread >= 0 && doneUnread <= 2L * loops, what + ": done but not yet read " + doneUnread);
            assertTrue(o.entriesCompleted() >= 3_200L * Workload.memcachedLike().calls().size(), what);
        }
    }

    @Test
    void withEnoughEntriesNoCallIsHeldBack() {
        EventLoopServer.Outcome o = runFlexsc(MODERN, 1, 16, 8, 64, 0, 1);
        assertEquals(0, o.entryStalls());
        assertTrue(o.pagesConsistent());
    }

    @Test
    void exceptionLessCallsBeatSynchronousOnesOnFlexscsMachineUnderLoad() {
        Platform nehalem = Platforms.flexscNehalem();
        ServerCosts costs = new ServerCosts(nehalem, Workload.memcachedLike(), 1.0, 1.5, 16, false);
        ServerSpec sync = new ServerSpec(Version.SYNC, 2, 128, 46_000, 11_500, 1_500, 64, uring(256, 512, 0), false, 200, 3_000,
                new FlexscConfig(8, 64, new org.syscalllab.mech.ExceptionLessCosts(10, 50, 100, 1500, 40), 0));
        EventLoopServer.Outcome s = new EventLoopServer(new Simulation(2), sync, costs).run();
        EventLoopServer.Outcome f = runFlexsc(nehalem, 2, 128, 8, 64, 0, 2);
        assertTrue(f.throughputRps() > s.throughputRps(), f.throughputRps() + " vs " + s.throughputRps());
        assertTrue(f.crossingsPerRequest() < s.crossingsPerRequest() / 5, "one flexsc_wait serves a whole batch");
    }

    @Test
    void aDedicatedSyscallCoreTakesTheKernelWorkOffTheLoopsCore() {
        EventLoopServer.Outcome same = runFlexsc(MODERN, 1, 128, 8, 64, 0, 3);
        EventLoopServer.Outcome spare = runFlexsc(MODERN, 1, 128, 8, 64, 1, 3);
        assertTrue(spare.throughputRps() > same.throughputRps(), spare.throughputRps() + " vs " + same.throughputRps());
        assertTrue(spare.coresBusy() > 1.0, "two cores work: " + spare.coresBusy());
        // CPU is counted when an iteration starts, so the last one may reach past the window: 1 % slack
        assertTrue(same.coresBusy() <= 1.01, "one core works: " + same.coresBusy());
    }
}

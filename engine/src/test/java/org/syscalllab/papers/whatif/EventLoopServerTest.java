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
}

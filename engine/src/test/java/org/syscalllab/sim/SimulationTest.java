package org.syscalllab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class SimulationTest {

    @Test
    void unboundedSimulationStopsWithinOneSecondOfInterrupt() throws Exception {
        Simulation sim = new Simulation(1);
        Simulation.Action forever = new Simulation.Action() {
            @Override public void fire(Simulation s) { s.schedule(1, this); }
        };
        sim.schedule(0, forever);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                sim.run();
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        t.start();
        Thread.sleep(200); // let it run
        assertTrue(t.isAlive(), "the simulation is unbounded and must still be running");
        long t0 = System.nanoTime();
        t.interrupt();
        t.join(1000);
        long waitedMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(!t.isAlive(), "still running " + waitedMs + " ms after interrupt");
        assertTrue(thrown.get() instanceof SimulationInterruptedException, "got " + thrown.get());
    }

    @Test
    void eventLimitAndTimeLimitStopWithAClearMessage() {
        Simulation a = new Simulation(1).limitEvents(100);
        a.schedule(0, new Simulation.Action() {
            @Override public void fire(Simulation s) { s.schedule(1, this); }
        });
        SimulationLimitException e = assertThrows(SimulationLimitException.class, a::run);
        assertTrue(e.getMessage().contains("max_events = 100"), e.getMessage());
        assertEquals(100, a.eventsFired());

        Simulation b = new Simulation(1).limitTime(1_000);
        b.schedule(0, new Simulation.Action() {
            @Override public void fire(Simulation s) { s.schedule(300, this); }
        });
        SimulationLimitException e2 = assertThrows(SimulationLimitException.class, b::run);
        assertTrue(e2.getMessage().contains("max_cycles = 1000"), e2.getMessage());
        assertTrue(b.now() <= 1_000);
    }

    @Test
    void validationNamesTheFieldAndTheAllowedRange() {
        Simulation s = new Simulation(1);
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class, () -> s.schedule(-1, x -> { }));
        assertTrue(d.getMessage().contains("delay = -1") && d.getMessage().contains(">= 0"), d.getMessage());
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> s.schedule(1, 1 << 23, x -> { }));
        assertTrue(p.getMessage().contains("priority = 8388608") && p.getMessage().contains("[-4194304, 4194303]"), p.getMessage());
        IllegalArgumentException m = assertThrows(IllegalArgumentException.class, () -> s.limitEvents(0));
        assertTrue(m.getMessage().contains("max_events = 0"), m.getMessage());
    }

    @Test
    void runUntilAdvancesTheClockAndLeavesLaterEventsPending() {
        Simulation s = new Simulation(1);
        List<Long> at = new ArrayList<>();
        s.schedule(10, x -> at.add(x.now()));
        s.schedule(30, x -> at.add(x.now()));
        s.runUntil(20);
        assertEquals(List.of(10L), at);
        assertEquals(20, s.now());
        assertEquals(1, s.pending());
        assertEquals(30, s.nextEventTime());
        s.run();
        assertEquals(List.of(10L, 30L), at);
    }

    @Test
    void stopReturnsAfterTheCurrentEventAndRunResumes() {
        Simulation s = new Simulation(1);
        List<Long> at = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            s.schedule(i, x -> {
                at.add(x.now());
                if (x.now() == 2) x.stop();
            });
        }
        s.run();
        assertEquals(List.of(1L, 2L), at);
        assertEquals(3, s.pending());
        s.run();
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L), at);
    }

    @Test
    void anExceptionInAnActionLeavesTheSimulationUsable() {
        Simulation s = new Simulation(1);
        List<Long> at = new ArrayList<>();
        s.schedule(1, x -> { throw new IllegalStateException("boom"); });
        s.schedule(2, x -> at.add(x.now()));
        assertThrows(IllegalStateException.class, s::run);
        assertEquals(1, s.pending());
        s.run();
        assertEquals(List.of(2L), at);
    }

    @Test
    void streamsAreReproducibleAndIndependentByName() {
        long a1 = new Simulation(5).stream("arrivals").nextLong();
        long a2 = new Simulation(5).stream("arrivals").nextLong();
        long b = new Simulation(5).stream("service").nextLong();
        long c = new Simulation(6).stream("arrivals").nextLong();
        assertEquals(a1, a2);
        assertTrue(a1 != b && a1 != c);
    }
}

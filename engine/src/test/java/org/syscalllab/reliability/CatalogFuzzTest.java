package org.syscalllab.reliability;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Runner;

/**
 * Catalog-wide fuzzing: random specs for every registered experiment, drawn from its declared parameters. Invalid specs
 * must be refused by validation, naming the field; valid ones must finish with finite numbers or stop with a clear
 * message, never with an internal exception, a non-finite number or a hang. See {@link SpecGenerator} for the draws and
 * {@link Fuzz} for the bounds.
 */
class CatalogFuzzTest {

    /**
     * Experiments whose small runs still take a good fraction of a second of host time (cache models that must warm
     * up, copies of whole files): drawn ten times less often than the others so that the suite keeps to its budget.
     */
    static final Set<String> SLOW = Set.of("flexsc.table1", "flexsc.fig1", "flexsc.fig2", "flexsc.fig3", "flexsc.fig4",
            "multicall.fig8", "multicall.table3", "cosy.fig2", "cosy.fig5", "mpkernel.fig2_2", "clustercalls.fig6_1",
            "whatif.modern");

    /**
     * Experiments with a fixed workload and no size parameter to shrink, taking seconds per run (the application-kernel
     * programs of mpkernel chapter 4, mpeg_play of multicall): drawn twenty times less often, yet still drawn.
     */
    static final Set<String> VERY_SLOW = Set.of("mpkernel.table4_3", "mpkernel.table4_4", "multicall.table4");

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.frequencyOf(Fuzz.CATALOG.ids().stream()
                .map(id -> Tuple.of(VERY_SLOW.contains(id) ? 1 : SLOW.contains(id) ? 2 : 20, Arbitraries.just(id)))
                .toArray(Tuple.Tuple2[]::new));
    }

    @Provide
    Arbitrary<String> allIds() {
        return Arbitraries.of(Fuzz.CATALOG.ids());
    }

    @Property(tries = 10_300, seed = "20261123", shrinking = ShrinkingMode.OFF)
    void invalidSpecsAreRefusedBeforeRunningWithTheFieldNamed(@ForAll("allIds") String id, @ForAll long seed) {
        List<Param> params = Runner.parametersOf(Fuzz.CATALOG.get(id));
        SpecGenerator.Invalid bad = SpecGenerator.invalid(params, new SplittableRandom(seed));
        if (bad == null) return;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Fuzz.runner().resolve(id, bad.overrides()), () -> "accepted " + id + " " + bad);
        assertTrue(e.getMessage() != null && e.getMessage().contains(bad.field()),
                () -> "message does not name '" + bad.field() + "': " + e.getMessage());
        Fuzz.tally(id).invalid.increment();
    }

    @Property(tries = 800, seed = "20261123", shrinking = ShrinkingMode.OFF)
    void validSpecsFinishWithFiniteNumbersOrAClearMessage(@ForAll("ids") String id, @ForAll long seed) {
        Map<String, Object> spec = SpecGenerator.valid(Runner.parametersOf(Fuzz.CATALOG.get(id)), new SplittableRandom(seed));
        if (Boolean.getBoolean("fuzz.collect")) {
            try {
                Fuzz.runValid(id, spec);
            } catch (AssertionError e) {
                Fuzz.FAILURES.add(e.getMessage() + (e.getCause() == null ? "" : " at " + e.getCause().getStackTrace()[0]));
            }
        } else {
            Fuzz.runValid(id, spec);
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong STARTED = new java.util.concurrent.atomic.AtomicLong();

    @BeforeContainer
    static void startClock() {
        STARTED.set(System.nanoTime());
    }

    /** Prints the summary, ending with the one-line count and wall time, and keeps it in target/reliability. */
    @AfterContainer
    static void printSummary() throws java.io.IOException {
        String summary = Fuzz.summary(System.nanoTime() - STARTED.get());
        System.out.println(summary);
        java.nio.file.Path file = java.nio.file.Path.of("target", "reliability", "fuzz-summary.txt");
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, summary + "\n");
        // the suite's promise: at least 10^4 specs (some invalid draws do not apply to a parameter and are not counted)
        if (Fuzz.specsCounted() < 10_000) throw new AssertionError("only " + Fuzz.specsCounted() + " specs were fuzzed: " + summary);
    }
}

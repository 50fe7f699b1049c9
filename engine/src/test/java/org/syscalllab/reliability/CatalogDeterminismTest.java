package org.syscalllab.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.syscalllab.experiment.Catalog;
import org.syscalllab.experiment.Runner;

/**
 * Every registered experiment, at its small spec, gives byte-identical CSV when run twice on one thread and when its
 * sweep runs on four threads.
 */
class CatalogDeterminismTest {
    static final Catalog CATALOG = Fuzz.CATALOG;
    /** A bound far above any small spec's needs: a runaway stops with a message instead of exhausting the heap. */
    static final long MAX_EVENTS = 50_000_000L;

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.syscalllab.reliability.SpecGenerator#catalogIds")
    void sameSpecGivesByteIdenticalCsvOnOneAndFourThreads(String id) {
        Map<String, Object> spec = SpecGenerator.smallSpecOf(id);
        Runner one = new Runner(CATALOG).withThreads(1).withCache(false).withLimits(MAX_EVENTS, Long.MAX_VALUE);
        String a = one.run(id, spec).toCsv();
        String b = one.run(id, spec).toCsv();
        String c = new Runner(CATALOG).withThreads(4).withCache(false).withLimits(MAX_EVENTS, Long.MAX_VALUE).run(id, spec).toCsv();
        assertTrue(a.split("\n").length > 1, () -> id + " gave no rows for " + spec);
        assertEquals(a, b, () -> id + ": two runs on one thread differ for " + spec);
        assertEquals(a, c, () -> id + ": one thread and four threads differ for " + spec);
    }
}

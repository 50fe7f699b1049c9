package org.syscalllab.experiment;

import java.nio.file.Path;
import java.util.List;
import org.syscalllab.papers.demo.Mm1Queue;

/** A catalog with the demo experiment, and runners that use a private cache or none. */
public final class TestCatalog {
    private TestCatalog() { }

    public static Catalog demo() { return new Catalog(List.of(new Mm1Queue())); }

    public static Runner uncached(int threads) { return new Runner(demo()).withThreads(threads).withCache(false); }

    public static Runner cachedIn(Path dir) { return new Runner(demo()).withThreads(1).withCache(new ResultCache(dir)); }

    /** A small, quick spec of demo.mm1. */
    public static Object[] small() {
        return new Object[] {"customers", 2000, "warmup_customers", 200, "utilisation", List.of(0.2, 0.5, 0.7, 0.9)};
    }
}

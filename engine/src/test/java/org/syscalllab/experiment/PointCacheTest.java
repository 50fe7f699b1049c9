package org.syscalllab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.syscalllab.papers.demo.Mm1Queue;

class PointCacheTest {

    /** A sweep over {@code x} whose point function counts its calls; each value uses the point's random stream. */
    static class Counting implements Experiment {
        final AtomicInteger computed = new AtomicInteger();

        @Override public String id() { return "test.count"; }

        @Override public String title() { return "counts its point computations"; }

        @Override public String xParameter() { return "x"; }

        @Override
        public List<Param> parameters() {
            return List.of(Param.ofIntList("x", List.of(1L, 2L, 3L, 4L), 0, 1000, "", "the swept values"),
                    Param.ofInt("scale", 10, 1, 1000, "", "a non-swept parameter"));
        }

        @Override
        public void run(Params p, RunContext ctx, TidyRows out) {
            long scale = p.getLong("scale");
            List<TidyRows> parts = ctx.sweepOver("x", p.getLongList("x"), PointCodec.ROWS, (x, c) -> {
                computed.incrementAndGet();
                return new TidyRows(id()).add("s", x, "value", x * scale + c.stream("noise").nextDouble());
            });
            parts.forEach(out::addAll);
            out.add("derived", "all", "points", parts.size());
        }
    }

    private static Runner runner(Experiment e, Path dir, List<String> warnings, int threads) {
        return new Runner(new Catalog(List.of(e))).withThreads(threads)
                .withCache(new ResultCache(dir).withWarnings(warnings::add));
    }

    @Test
    void editingOneSweptValueRecomputesExactlyThatPoint(@TempDir Path dir) {
        Counting e = new Counting();
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Runner r = runner(e, dir, warnings, 2);
        Result first = r.run("test.count", "x", List.of(1, 2, 3, 4));
        assertEquals(4, e.computed.get());
        assertEquals(PointReuse.NONE, first.reuse());

        Result edited = r.run("test.count", "x", List.of(1, 2, 7, 4));
        assertEquals(5, e.computed.get(), "only the edited point is simulated");
        assertFalse(edited.cached());
        assertEquals(3, edited.reuse().fromCache());
        assertEquals(4, edited.reuse().points());
        assertTrue(edited.provenance().contains("3 of 4 points from cache (oldest computed "), edited.provenance());

        Result again = r.run("test.count", "x", List.of(1, 2, 7, 4));
        assertEquals(5, e.computed.get(), "the whole run is cached now");
        assertTrue(again.cached());

        r.run("test.count", "x", List.of(1, 2, 7, 4), "scale", 11);
        assertEquals(9, e.computed.get(), "a non-swept parameter is part of every point's key");
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void cachedPointsGiveByteIdenticalResultsOnAnyThreadCount(@TempDir Path dir) {
        Counting e = new Counting();
        List<String> warnings = new ArrayList<>();
        runner(e, dir, warnings, 3).run("test.count", "x", List.of(5, 6, 7, 8, 9));
        Result mixed = runner(e, dir, warnings, 1).run("test.count", "x", List.of(5, 6, 0, 9, 8, 10));
        assertEquals(2, mixed.reuse().fromCache(), "only 5 and 6 keep value and index (so their seed)");
        Result fresh = new Runner(new Catalog(List.of(e))).withThreads(2).withCache(false)
                .run("test.count", "x", List.of(5, 6, 0, 9, 8, 10));
        assertEquals(fresh.toCsv(), mixed.toCsv());
        assertEquals(PointReuse.NONE, fresh.reuse(), "the bypass neither reads nor writes points");
    }

    @Test
    void aRealExperimentReusesPointsAndEqualsAFreshRun(@TempDir Path dir) {
        Runner cached = new Runner(new Catalog(List.of(new Mm1Queue()))).withThreads(2).withCache(new ResultCache(dir));
        Object[] small = {"customers", 2000, "warmup_customers", 200};
        cached.run("demo.mm1", Lab.pairs(small)).toCsv();
        Map<String, Object> edited = new java.util.LinkedHashMap<>(Lab.pairs(small));
        edited.put("utilisation", List.of(0.1, 0.3, 0.55, 0.7, 0.8, 0.9));
        Result r = cached.run("demo.mm1", edited);
        assertEquals(5, r.reuse().fromCache());
        assertEquals(TestCatalog.uncached(1).run("demo.mm1", edited).toCsv(), r.toCsv());
    }

    @Test
    void damagedPointEntriesAreIgnoredWithAWarning(@TempDir Path dir) throws Exception {
        Counting e = new Counting();
        List<String> warnings = Collections.synchronizedList(new ArrayList<>());
        Runner r = runner(e, dir, warnings, 2);
        Result fresh = r.run("test.count", "x", List.of(1, 2, 3));
        List<Path> points;
        try (var s = Files.list(dir)) {
            points = s.filter(p -> p.toString().endsWith(".point")).sorted().toList();
        }
        assertEquals(3, points.size());
        Files.writeString(points.get(0), "\u0000garbage\\u12");                          // not a properties file
        String entry = Files.readString(points.get(1));
        java.util.Properties props = new java.util.Properties();
        props.load(new java.io.StringReader(entry));
        props.setProperty("payload", "test.count\na,b\n");                               // rows the codec rejects
        try (var w = Files.newBufferedWriter(points.get(1))) {
            props.store(w, null);
        }
        Files.writeString(points.get(2), entry);                                      // another point's entry
        try (var s = Files.list(dir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".csv")).toList()) Files.writeString(f, "garbage\n1,2\n");
        }
        Result again = r.run("test.count", "x", List.of(1, 2, 3));
        assertFalse(again.cached());
        assertEquals(PointReuse.NONE, again.reuse());
        assertEquals(6, e.computed.get(), "every damaged point is recomputed");
        assertEquals(fresh.toCsv(), again.toCsv());
        assertEquals(4, warnings.size(), "one warning per damaged file: " + warnings);
        assertTrue(warnings.stream().allMatch(w -> w.startsWith("ignoring damaged cache entry ")), warnings.toString());
        Result third = r.run("test.count", "x", List.of(1, 2, 3));
        assertTrue(third.cached(), "the recomputed entries replaced the damaged ones");
    }

    @Test
    void theSweptParameterMustBeDeclared(@TempDir Path dir) {
        Experiment wrong = new Counting() {
            @Override
            public void run(Params p, RunContext ctx, TidyRows out) {
                ctx.sweepOver("nope", List.of(1L), PointCodec.LONG, (x, c) -> x);
            }
        };
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> runner(wrong, dir, new ArrayList<>(), 1).run("test.count"));
        assertTrue(ex.getMessage().startsWith("swept parameter 'nope' is not a parameter of test.count"), ex.getMessage());
    }

    record Pt(String mode, int cores, double[] load) { }

    enum Kind { A, B }

    @Test
    void pointsHaveACanonicalTextOrAreRejected() {
        assertEquals("org.syscalllab.experiment.PointCacheTest$Pt(mode=\"a,b\",cores=Integer:2,load=[0.5,1.0])",
                PointCache.canonical(new Pt("a,b", 2, new double[] {0.5, 1})));
        assertFalse(PointCache.canonical(1L).equals(PointCache.canonical(1.0)));
        assertFalse(PointCache.canonical("1").equals(PointCache.canonical(1L)));
        assertEquals("[Long:1,org.syscalllab.experiment.PointCacheTest$Kind.B]", PointCache.canonical(List.of(1L, Kind.B)));
        assertThrows(IllegalArgumentException.class, () -> PointCache.canonical(new Object()));
    }

    @Test
    void codecsRoundTripExactly() {
        TidyRows t = new TidyRows("x.y").add("a,\"b\"", "1", "m", 0.1 + 0.2).add("s", "x", "m", -1e-300);
        TidyRows back = PointCodec.ROWS.decode(PointCodec.ROWS.encode(t));
        assertEquals("x.y", back.experiment());
        assertEquals(2, back.size());
        assertEquals("a,\"b\"", back.series(0));
        assertEquals(0.1 + 0.2, back.value(0));
        assertEquals(-1e-300, back.value(1));
        double[] v = {Math.PI, -0.0, 1e300};
        assertEquals(java.util.Arrays.toString(v), java.util.Arrays.toString(PointCodec.DOUBLES.decode(PointCodec.DOUBLES.encode(v))));
        assertThrows(IllegalArgumentException.class, () -> PointCodec.ROWS.decode("e\na,b\n"));
    }
}

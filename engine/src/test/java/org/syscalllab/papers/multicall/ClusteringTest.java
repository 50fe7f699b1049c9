package org.syscalllab.papers.multicall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.syscalllab.papers.multicall.clustering.Clustering;
import org.syscalllab.papers.multicall.clustering.ClusteringOptions;
import org.syscalllab.papers.multicall.clustering.Execution;
import org.syscalllab.papers.multicall.clustering.Program;
import org.syscalllab.papers.multicall.clustering.ClusterRegion;
import org.syscalllab.papers.multicall.clustering.SyscallGraph;
import org.syscalllab.papers.multicall.clustering.TraceEvent;

class ClusteringTest {
    static final long BLOCK = 4096;
    static final long FILE = 557 * 4096;

    static Clustering.Report copy(ClusteringOptions opt) {
        return Clustering.run(PaperPrograms.copy(BLOCK), opt, () -> PaperPrograms.files(FILE), (n, b) -> 100, 2);
    }

    static List<String> names(Execution e) {
        return e.trace().stream().map(TraceEvent::toString).collect(Collectors.toList());
    }

    static ClusterRegion regionWith(Clustering.Report r, String site) {
        for (ClusterRegion g : r.regions()) if (g.calls().contains(site)) return g;
        return null;
    }

    @Test
    void graphBuilderCountsImmediateSuccessionsKeyedByDescriptor() {
        Clustering.Report r = copy(ClusteringOptions.plain());
        SyscallGraph g = r.graph();
        // Fig. 5(c): 557 read->write and 557 write->read transitions, keyed read(3) and write(4)
        assertEquals(557, g.weight("read(3)", "write(4)"));
        assertEquals(557, g.weight("write(4)", "read(3)"));
        assertEquals(1, g.weight("open(1)", "creat(2)"));
        assertEquals(1, g.weight("read(3)", "close(3)"));
        assertEquals(1, g.weight("close(3)", "close(4)"));
        assertEquals("read(3)", g.edgesByWeight().get(0).from());
    }

    @Test
    void withoutTransformationsTheCopyLoopIsNotClusterable() {
        Clustering.Report r = copy(ClusteringOptions.plain());
        assertTrue(regionWith(r, "write") == null, r.summary());
        // the read -> test -> write grouping holds the loop test: linearity rejects it
        assertTrue(r.found().decisions().stream().anyMatch(d -> d.edge().equals("read(3) -> write(4)") && d.reason().contains("linearity")));
    }

    @Test
    void loopRotationYieldsOneWriteReadMultiCallPerBlock() {
        Clustering.Report r = copy(ClusteringOptions.plain().withLoopRotation(true));
        ClusterRegion wr = regionWith(r, "write");
        assertEquals(List.of("write", "read"), wr.calls(), r.summary());
        assertFalse(wr.looped());
        // original: open, creat, 557 reads + the read that returns 0, 557 writes, 2 closes
        assertEquals(2 + 558 + 557 + 2, r.baseline().crossings());
        // rotated: {open, creat, read_0}, then 557 write-read multi-calls, then {close, close}
        assertEquals(1 + 557 + 1, r.rewritten().crossings(), r.summary());
    }

    @Test
    void loopedRuleRunsTheWholeLoopInOneCrossing() {
        Clustering.Report r = copy(ClusteringOptions.plain().withLoopRotation(true).withLooped(true));
        ClusterRegion wr = regionWith(r, "write");
        assertTrue(wr.looped(), r.summary());
        assertEquals(3, r.rewritten().crossings(), r.summary());
        // 557 iterations plus the final test that ends the loop
        assertEquals(558, r.rewritten().entries().stream().filter(e -> e.isLooped()).findFirst().orElseThrow().iterations());
    }

    @Test
    void rewritingPreservesTheOrderAndResultsOfEveryCall() {
        for (ClusteringOptions o : List.of(ClusteringOptions.plain(), ClusteringOptions.transformed(),
                ClusteringOptions.transformed().withLooped(true), ClusteringOptions.transformed().withRelaxLinearity(true).withLooped(true))) {
            Clustering.Report r = copy(o);
            assertEquals(names(r.baseline()), names(r.rewritten()), o.toString());
            assertEquals(names(r.baseline()), r.rewritten().calls().stream().map(TraceEvent::toString).collect(Collectors.toList()));
        }
    }

    @Test
    void codeMotionBuildsTheThreeCallClusterOfTheSendtoSnippet() {
        Program p = PaperPrograms.sendtoSnippet();
        Clustering.Report plain = Clustering.run(p, ClusteringOptions.plain(), () -> PaperPrograms.files(10_000), (n, b) -> 100, 2);
        ClusterRegion before = regionWith(plain, "read");
        assertFalse(before.calls().contains("sendto"), plain.summary());
        Clustering.Report moved = Clustering.run(p, ClusteringOptions.plain().withCodeMotion(true), () -> PaperPrograms.files(10_000), (n, b) -> 100, 2);
        ClusterRegion after = regionWith(moved, "read");
        assertTrue(after.calls().containsAll(List.of("read", "write", "sendto")), moved.summary());
        assertEquals(names(plain.baseline()), names(moved.rewritten()));
    }

    @Test
    void handlersThatFallThroughBlockClusteringUntilRestructured() {
        Program p = PaperPrograms.errorHandling();
        Clustering.Report plain = Clustering.run(p, ClusteringOptions.plain(), () -> PaperPrograms.files(10_000), (n, b) -> 100, 2);
        ClusterRegion w = regionWith(plain, "write");
        assertTrue(w == null || !w.calls().contains("read"), plain.summary());
        Clustering.Report re = Clustering.run(p, ClusteringOptions.plain().withRestructureHandlers(true), () -> PaperPrograms.files(10_000), (n, b) -> 100, 2);
        assertTrue(regionWith(re, "write").calls().contains("read"), re.summary());
        assertTrue(re.rewrittenText().contains("if (rval == 1)"), re.rewrittenText());
    }

    @Test
    void aCheckedFailureEndsTheMultiCallAndRunsTheOriginalHandler() {
        Program p = PaperPrograms.errorHandling();
        ClusteringOptions o = ClusteringOptions.plain().withRestructureHandlers(true);
        Clustering.Report r = Clustering.run(p, o, () -> PaperPrograms.files(10_000).failAt("write", 1), (n, b) -> 100, 2);
        // the write fails; its handler exits, so the read never runs, with or without multi-calls
        assertEquals(names(r.baseline()), names(r.rewritten()));
        assertFalse(r.rewritten().trace().stream().anyMatch(e -> e.site().equals("read")));
    }

    @Test
    void clusterSizeLimitKSplitsRegions() {
        Program p = PaperPrograms.sendtoSnippet();
        Clustering.Report big = Clustering.run(p, ClusteringOptions.plain().withCodeMotion(true), () -> PaperPrograms.files(10_000), (n, b) -> 100, 2);
        Clustering.Report small = Clustering.run(p, ClusteringOptions.plain().withCodeMotion(true).withMaxClusterSize(2), () -> PaperPrograms.files(10_000), (n, b) -> 100, 2);
        assertTrue(big.regions().stream().mapToInt(ClusterRegion::size).max().orElse(0) > 2);
        assertTrue(small.regions().stream().allMatch(g -> g.size() <= 2), small.summary());
        assertTrue(small.rewritten().crossings() > big.rewritten().crossings());
    }

    @Test
    void mpegPlayClustersSelectWithGettimeofdayOnly() {
        Program p = PaperPrograms.mpegPlay(4000, 1000, 1000);
        Clustering.Report r = Clustering.run(p, ClusteringOptions.transformed().withLooped(true), () -> PaperPrograms.files(40_000), (n, b) -> 100, 2);
        ClusterRegion s = regionWith(r, "select");
        assertEquals(List.of("select", "gettimeofday"), s.calls(), r.summary());
        assertFalse(s.looped());
        assertEquals(10, r.rewritten().entries().stream().filter(e -> e.region() == s).count());
    }
}

package org.syscalllab.papers.multicall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.syscalllab.papers.multicall.clustering.Clustering;
import org.syscalllab.papers.multicall.clustering.ClusteringOptions;
import org.syscalllab.papers.multicall.clustering.TraceEvent;

class CopyClusteringPropertiesTest {
    static List<String> trace(List<TraceEvent> t) {
        return t.stream().map(e -> e.name() + e.args() + "=" + e.result()).collect(Collectors.toList());
    }

    @Property(tries = 60)
    void copyCrossingsFollowTheBlockCountAndTheTraceIsUnchanged(@ForAll @IntRange(min = 0, max = 200_000) int fileBytes,
                                                               @ForAll @IntRange(min = 1, max = 16_384) int blockBytes) {
        long n = (fileBytes + (long) blockBytes - 1) / blockBytes;
        ClusteringOptions opt = ClusteringOptions.transformed();
        Clustering.Report plain = Clustering.run(PaperPrograms.copy(blockBytes), opt, () -> PaperPrograms.files(fileBytes), (c, b) -> 100, 2);
        Clustering.Report looped = Clustering.run(PaperPrograms.copy(blockBytes), opt.withLooped(true), () -> PaperPrograms.files(fileBytes), (c, b) -> 100, 2);
        // original: open, creat, n + 1 reads (the last returns 0), n writes, two closes
        assertEquals(2 + (n + 1) + n + 2, plain.baseline().crossings());
        // rotated: {open, creat, first read}, n write_read multi-calls, {close, close}
        assertEquals(1 + n + 1, plain.rewritten().crossings());
        // looped: the whole loop is one crossing (none when the file is empty). With a single block every edge weighs
        // 1, and the first edge into the loop, creat -> read, already spans the whole loop: open, creat and the loop
        // become one looped region.
        assertEquals(n <= 1 ? 2 : 3, looped.rewritten().crossings());
        // every version makes the same calls with the same results, in the same order
        assertEquals(trace(plain.baseline().trace()), trace(plain.rewritten().calls()));
        assertEquals(trace(plain.baseline().trace()), trace(looped.rewritten().calls()));
    }
}

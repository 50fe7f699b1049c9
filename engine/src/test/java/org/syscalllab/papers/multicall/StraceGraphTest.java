package org.syscalllab.papers.multicall;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.syscalllab.papers.multicall.clustering.Strace;
import org.syscalllab.papers.multicall.clustering.SyscallGraph;
import org.syscalllab.papers.multicall.clustering.TraceEvent;

class StraceGraphTest {
    static String resource(String name) throws IOException {
        try (InputStream in = StraceGraphTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void parsesCompletedCallsAndSkipsSignalsAndExit() throws IOException {
        List<TraceEvent> t = Strace.parse(resource("mpeg_play.strace"));
        assertEquals(15, t.size());
        assertEquals("select", t.get(2).name());
        assertEquals(List.of(6L, 0L, 0L, 0L, 0L), t.get(2).args());
        assertEquals(4116, t.get(4).result());
        assertEquals(0, t.get(13).result());
    }

    @Test
    void graphOfAHandWrittenTraceWeighsImmediateSuccessions() throws IOException {
        SyscallGraph g = SyscallGraph.build(Strace.parse(resource("mpeg_play.strace")), SyscallGraph.Keying.NAME_FIRST_ARG);
        assertEquals(3, g.weight("read(3)", "select(6)"));
        assertEquals(3, g.weight("select(6)", "gettimeofday(0)"));
        assertEquals(3, g.weight("gettimeofday(0)", "writev(5)"));
        assertEquals(3, g.weight("writev(5)", "read(3)"));
        assertEquals(1, g.weight("read(3)", "close(3)"));
        // heaviest first, ties in order of first occurrence
        assertEquals("read(3)", g.edgesByWeight().get(0).from());
        assertEquals("select(6)", g.edgesByWeight().get(1).from());
        // keyed by name only, the two descriptors' reads are one node
        SyscallGraph byName = SyscallGraph.build(Strace.parse("read(3, \"\", 1) = 1\nwrite(4, \"\", 1) = 1\nread(3, \"\", 1) = 0\n"), SyscallGraph.Keying.NAME);
        assertEquals(List.of("read", "write"), byName.nodes());
        assertEquals(1, byName.weight("write", "read"));
    }
}

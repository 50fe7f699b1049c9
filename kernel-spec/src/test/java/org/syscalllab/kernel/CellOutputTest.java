package org.syscalllab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CellOutputTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    CellOutput cell(long limit) {
        return new CellOutput(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), limit);
    }

    @Test
    void outputWithinTheLimitPassesUnchanged() {
        CellOutput c = cell(1000);
        c.out().print("hello\n");
        c.err().print("oops\n");
        c.finish();
        assertEquals("hello\n", out.toString(StandardCharsets.UTF_8));
        assertEquals("oops\n", err.toString(StandardCharsets.UTF_8));
        assertEquals(0, c.dropped());
    }

    @Test
    void aHundredMegabytesAreCutAtTheLimitWithOneNoticeAndACount() {
        CellOutput c = cell(CellOutput.DEFAULT_LIMIT);
        String line = "x".repeat(99) + "\n";
        long printed = 0;
        while (printed < 100_000_000L) {
            c.out().print(line);
            printed += line.length();
        }
        c.finish();
        assertEquals(CellOutput.DEFAULT_LIMIT, out.size(), "stdout gets exactly the budget");
        assertEquals(printed - CellOutput.DEFAULT_LIMIT, c.dropped());
        String notices = err.toString(StandardCharsets.UTF_8);
        assertEquals(1, notices.split("output limit reached", -1).length - 1, notices);
        assertTrue(notices.contains(String.format("%,d bytes of this cell's output were dropped", printed - CellOutput.DEFAULT_LIMIT)), notices);
        assertTrue(notices.contains(CellOutput.PROPERTY), notices);
    }

    @Test
    void stdoutAndStderrShareTheBudget() {
        CellOutput c = cell(10);
        c.out().print("12345");
        c.err().print("67890abc");
        c.out().print("more");
        c.finish();
        assertEquals("12345", out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("67890"));
        assertEquals(7, c.dropped());
    }

    @Test
    void theCutNeverSplitsACharacter() {
        CellOutput c = cell(4);
        c.out().print("aé€"); // 1 + 2 + 3 bytes: the euro sign does not fit whole
        c.finish();
        assertEquals("aé", out.toString(StandardCharsets.UTF_8));
        assertEquals(3, c.dropped());
        assertEquals(3, CellOutput.charStart("aé€".getBytes(StandardCharsets.UTF_8), 0, 4));
    }

    @Test
    void aNegativeLimitIsRefusedNamingTheProperty() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> cell(-1));
        assertTrue(e.getMessage().contains(CellOutput.PROPERTY), e.getMessage());
    }
}

package org.syscalllab.hw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RegionTest {

    @Property(tries = 200)
    void linesAreDistinctAndRunsStayOnTheirPages(@ForAll @IntRange(min = 1, max = 2000) int lines,
                                                  @ForAll @IntRange(min = 1, max = 64) int run,
                                                  @ForAll @IntRange(min = 0, max = 1000) int base) {
        int runs = (lines + run - 1) / run;
        int pages = Math.max(1, Math.min(runs, (int) Math.ceil(runs / (double) (64 / run))));
        Region r = new Region(base, lines, pages, run, 64);
        Set<Long> seen = new HashSet<>();
        Set<Long> pagesSeen = new HashSet<>();
        for (int i = 0; i < lines; i++) {
            long a = r.lineAddress(i);
            if (!seen.add(a)) throw new AssertionError("line " + i + " repeats address " + a);
            long page = a / 64;
            if (page < base || page >= base + pages) throw new AssertionError("line " + i + " on page " + page + " outside the region");
            pagesSeen.add(page);
        }
        assertEquals(pages, pagesSeen.size());
    }

    @Test
    void tooFewPagesForTheRunsIsRejectedWithTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Region(0, 200, 2, 1, 64));
        assertEquals(true, e.getMessage().contains("pages"), e.getMessage());
    }
}

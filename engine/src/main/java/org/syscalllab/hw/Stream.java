package org.syscalllab.hw;

import java.util.Objects;

/**
 * A source of memory references: an owner referencing the lines of a region, either uniformly at random (a program's
 * working set with reuse) or in order, each line once per pass (a kernel path walking its code and data).
 *
 * @param name        label (e.g. {@code xalan.hot_data})
 * @param owner       who references the lines ({@link Owner})
 * @param region      the lines referenced
 * @param pattern     how they are referenced
 * @param instruction true for instruction fetches (L1i and i-TLB), false for data (L1d and d-TLB)
 * @param tlbEntries  distinct TLB entries the region's pages need: its page count for small pages, fewer when the
 *                    pages sit inside large pages (the kernel's direct map); frame f of the region uses entry
 *                    f mod tlbEntries
 */
public record Stream(String name, int owner, Region region, Pattern pattern, boolean instruction, int tlbEntries) {
    /** How a stream picks the next line. */
    public enum Pattern {
        /** Each reference picks a line of the region uniformly at random (independent references). */
        RANDOM,
        /** References walk the region's lines in order, wrapping around (each line once per pass). */
        SWEEP
    }

    public Stream {
        Objects.requireNonNull(name, "name");
        Owner.check(owner);
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(pattern, "pattern");
        if (tlbEntries < 1 || tlbEntries > region.pages()) {
            throw new IllegalArgumentException(name + ".tlb_entries = " + tlbEntries + " is not allowed; allowed: [1, " + region.pages() + "]");
        }
    }

    /** A stream whose pages are small pages, one TLB entry each. */
    public Stream(String name, int owner, Region region, Pattern pattern, boolean instruction) {
        this(name, owner, region, pattern, instruction, region.pages());
    }

    /** The TLB key (a page number) of line {@code i} of the region. */
    public long tlbKey(int i) {
        long frame = region.pageOf(i) - region.basePage();
        return region.basePage() + frame % tlbEntries;
    }
}

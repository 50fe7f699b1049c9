package org.syscalllab.hw;

/**
 * A set of cache lines a program or kernel path uses, laid out on pages: {@code lines} lines in runs of
 * {@code runLines} contiguous lines, spread over {@code pages} pages starting at page {@code basePage}. Line {@code i}
 * of the region has a fixed address ({@link #lineAddress}), so the exact model sees a real layout (runs never cross a
 * page, runs on a page are spread across it) and the fast model sees the same counts.
 *
 * @param basePage  first page number (regions of different programs must not overlap)
 * @param lines     distinct lines in the region
 * @param pages     distinct pages the lines are spread over
 * @param runLines  length of a run of contiguous lines (1 = scattered lines, pageLines = dense pages)
 * @param pageLines lines per page (page bytes / line bytes; 64 for 4 KB pages of 64 B lines)
 */
public record Region(long basePage, int lines, int pages, int runLines, int pageLines) {
    public Region {
        if (basePage < 0) throw new IllegalArgumentException("base_page = " + basePage + " is not allowed; allowed: >= 0");
        if (lines < 1) throw new IllegalArgumentException("lines = " + lines + " is not allowed; allowed: >= 1");
        if (pageLines < 1) throw new IllegalArgumentException("page_lines = " + pageLines + " is not allowed; allowed: >= 1");
        if (runLines < 1 || runLines > pageLines) {
            throw new IllegalArgumentException("run_lines = " + runLines + " is not allowed; allowed: [1, " + pageLines + "]");
        }
        int runs = (lines + runLines - 1) / runLines;
        if (pages < 1 || pages > runs) {
            throw new IllegalArgumentException("pages = " + pages + " is not allowed; allowed: [1, " + runs + "] (one run at least per page)");
        }
        int slots = (runs + pages - 1) / pages;
        if ((long) slots * runLines > pageLines) {
            throw new IllegalArgumentException("lines = " + lines + " in runs of " + runLines + " do not fit on " + pages + " pages of "
                    + pageLines + " lines; allowed: pages >= " + (int) Math.ceil(runs / (double) (pageLines / runLines)));
        }
    }

    /** A region of densely packed pages (runs fill whole pages). */
    public static Region dense(long basePage, int lines, int pageLines) {
        int pages = (lines + pageLines - 1) / pageLines;
        return new Region(basePage, lines, pages, Math.min(pageLines, lines), pageLines);
    }

    /** Number of runs. */
    public int runs() { return (lines + runLines - 1) / runLines; }

    /** Runs placed on one page (the most on any page). */
    public int runsPerPage() { return (runs() + pages - 1) / pages; }

    /** The line address (line number in the whole address space) of line {@code i} of the region. */
    public long lineAddress(int i) {
        int run = i / runLines;
        int pos = i % runLines;
        int page = run % pages;
        int slot = run / pages;
        int slots = runsPerPage();
        int stride = pageLines / slots;                    // >= runLines by the constructor's check
        int spare = stride - runLines;                     // room to shift runs so pages do not all start at offset 0
        // colouring, as slab allocators do: consecutive pages shift their runs by one run, so the region's lines
        // spread evenly over the cache sets instead of piling up at the start of every page
        int shift = spare == 0 ? 0 : (int) (((basePage + page) * runLines) % (spare + 1));
        return (basePage + page) * pageLines + (long) slot * stride + shift + pos;
    }

    /** The page of line {@code i}. */
    public long pageOf(int i) { return lineAddress(i) / pageLines; }

    /** The first page after this region (to place the next region). */
    public long endPage() { return basePage + pages; }
}

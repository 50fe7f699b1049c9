package org.syscalllab.papers.cosy;

/**
 * User-mode work of the benchmark programs, in cycles on the 1.7 GHz Pentium 4. The paper gives none of these, so
 * each is an ASSUMPTION from the code the paper describes; all are editable.
 *
 * @param wrapper         a libc system-call wrapper (load registers, int 0x80, check the result). ASSUMPTION 20.
 * @param loopIteration   one iteration of a benchmark's own loop (counter, compare, branch). ASSUMPTION 5.
 * @param random          one call of the database benchmark's random-offset function (glibc {@code random()} and a
 *                        modulo). ASSUMPTION 60.
 * @param modifyChunk     Bonnie's rewrite change to a chunk (it dirties one byte). ASSUMPTION 10.
 * @param searchPerByte   grep's search function per byte scanned (a simple first-character scan with a compare on
 *                        a hit). ASSUMPTION 1.5.
 * @param searchCall      per call of the search function (set-up, result). ASSUMPTION 100.
 * @param grepPerFile     grep's own work per file outside the search (argument handling, output). ASSUMPTION 500.
 * @param lsPerFile       ls -l's user work per file (mode string, owner and group from cached tables, date
 *                        formatting, buffered output). ASSUMPTION 1500.
 * @param lsEntryWalk     walking one entry of the getdents buffer (readdir). ASSUMPTION 30.
 */
public record UserCosts(long wrapper, long loopIteration, long random, long modifyChunk,
                        double searchPerByte, long searchCall, long grepPerFile, long lsPerFile, long lsEntryWalk) {
    public UserCosts {
        if (wrapper < 0 || loopIteration < 0 || random < 0 || modifyChunk < 0 || !(searchPerByte >= 0)
                || searchCall < 0 || grepPerFile < 0 || lsPerFile < 0 || lsEntryWalk < 0) {
            throw new IllegalArgumentException("a user cost is negative; allowed: >= 0");
        }
    }

    public static UserCosts defaults() {
        return new UserCosts(20, 5, 60, 10, 1.5, 100, 500, 1500, 30);
    }
}

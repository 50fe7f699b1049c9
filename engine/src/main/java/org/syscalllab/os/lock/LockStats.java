package org.syscalllab.os.lock;

/**
 * Contention statistics of one lock, in cycles of the reference clock.
 *
 * @param name          the lock's name
 * @param acquisitions  grants (a reader batch counts each reader)
 * @param contended     grants that had to wait
 * @param waitCycles    total cycles waiters waited (spinning or sleeping)
 * @param holdCycles    total cycles the lock was held (summed over holders)
 * @param transfers     grants to a CPU other than the previous holder's (the protected data moved)
 */
public record LockStats(String name, long acquisitions, long contended, long waitCycles, long holdCycles, long transfers) {
    /** Share of grants that had to wait, in [0, 1]. */
    public double contentionRatio() { return acquisitions == 0 ? 0 : (double) contended / acquisitions; }
}

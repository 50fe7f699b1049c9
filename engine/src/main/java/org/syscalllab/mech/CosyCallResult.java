package org.syscalllab.mech;

/**
 * What one system call or user function returned and cost.
 *
 * @param value             the return value; negative means failure (-errno)
 * @param workCycles        cycles of the call's own work (kernel work for a call, the function body for a user
 *                          function), including any copy that stays inside the kernel
 * @param copyBytes         bytes copied across the user/kernel boundary (charged at the per-byte copy cost)
 * @param avoidedCopyBytes  bytes whose copy was skipped by zero-copy
 * @param ioWaitCycles      cycles the caller waited for a device
 */
public record CosyCallResult(long value, long workCycles, long copyBytes, long avoidedCopyBytes, long ioWaitCycles) {
    public CosyCallResult {
        if (workCycles < 0 || copyBytes < 0 || avoidedCopyBytes < 0 || ioWaitCycles < 0) {
            throw new IllegalArgumentException("a cost of a call result is negative: work=" + workCycles + ", copy=" + copyBytes
                    + ", avoided=" + avoidedCopyBytes + ", io_wait=" + ioWaitCycles);
        }
    }

    public static CosyCallResult of(long value, long workCycles) {
        return new CosyCallResult(value, workCycles, 0, 0, 0);
    }

    public boolean failed() { return value < 0; }
}

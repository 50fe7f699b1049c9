package org.syscalllab.kernel;

import java.util.Map;

/**
 * The bytes of rich output (displayed objects and the cell's value) one cell may send to the front end. A bundle that
 * no longer fits is replaced by a short plain-text notice saying what was dropped and how to raise the limit, so that a
 * cell that displays a 100 MB string or a million small tables cannot flood the browser or the notebook file. Updates
 * of an existing display replace what the front end shows, so they are checked one by one against the whole budget
 * and do not use it up. Thread-safe: progress bars update from other threads.
 */
final class DisplayBudget {
    static final String PROPERTY = "syscalllab.kernel.maxDisplayBytes";
    /** ASSUMPTION: 16 MiB per cell holds about a hundred charts as PNG (50–150 KB each) and stays cheap for a browser. */
    static final long DEFAULT_LIMIT = 16L << 20;

    private final long limit;
    private long used;      // guarded by this
    private long dropped;   // bundles dropped; guarded by this

    /** @param limit bytes (UTF-16 chars of the bundle's values, a close bound for the JSON sent) per cell, >= 0 */
    DisplayBudget(long limit) {
        if (limit < 0) throw new IllegalArgumentException(PROPERTY + " = " + limit + " is not allowed; allowed: >= 0");
        this.limit = limit;
    }

    /** The budget from system property {@value #PROPERTY}, else {@link #DEFAULT_LIMIT}. */
    static long limitFromProperties() {
        return Long.getLong(PROPERTY, DEFAULT_LIMIT);
    }

    /** {@code bundle} if it fits in what is left (and charges it), else the notice that replaces it. */
    synchronized Map<String, String> admit(Map<String, String> bundle) {
        long size = size(bundle);
        if (size <= limit - used) {
            used += size;
            return bundle;
        }
        dropped++;
        return notice(bundle, size, "this cell's display budget of " + String.format("%,d", limit) + " bytes has "
                + String.format("%,d", Math.max(0, limit - used)) + " left");
    }

    /** {@code bundle} if it alone fits in the whole budget, else the notice that replaces it; charges nothing. */
    Map<String, String> admitUpdate(Map<String, String> bundle) {
        long size = size(bundle);
        if (size <= limit) return bundle;
        synchronized (this) {
            dropped++;
        }
        return notice(bundle, size, "the display budget per cell is " + String.format("%,d", limit) + " bytes");
    }

    synchronized long dropped() {
        return dropped;
    }

    static long size(Map<String, String> bundle) {
        long n = 0;
        for (Map.Entry<String, String> e : bundle.entrySet()) n += e.getKey().length() + (e.getValue() == null ? 0 : e.getValue().length());
        return n;
    }

    private static Map<String, String> notice(Map<String, String> bundle, long size, String why) {
        return Map.of("text/plain", String.format("[syscall-lab kernel] output of %,d bytes (%s) not shown: %s "
                + "(set -D%s to change it)", size, String.join(", ", bundle.keySet()), why, PROPERTY));
    }
}

package org.syscalllab.os.lock;

/**
 * The lock-granularity knob of a symmetric kernel (Kågström, Ch 2.3, Fig 2.1a-c).
 * <ul>
 * <li>{@link #GIANT}: one spin lock around every kernel entry (UP semantics kept);</li>
 * <li>{@link #SUBSYSTEM}: one spin lock per subsystem (file system, network, memory ...), held over the whole call;</li>
 * <li>{@link #FINE}: each call's own critical sections on shared or per-object locks, as its table entry says;</li>
 * <li>{@link #CUSTOM}: an explicit map from call name to lock uses.</li>
 * </ul>
 */
public enum Granularity {
    GIANT, SUBSYSTEM, FINE, CUSTOM;

    /** The name of the single giant lock. */
    public static final String GIANT_LOCK = "giant";

    /** Parses {@code giant}, {@code subsystem}, {@code fine}, {@code custom} (case-insensitive). */
    public static Granularity parse(String s) {
        for (Granularity g : values()) if (g.name().equalsIgnoreCase(s)) return g;
        throw new IllegalArgumentException("granularity = " + s + " is not allowed; allowed: giant, subsystem, fine, custom");
    }
}

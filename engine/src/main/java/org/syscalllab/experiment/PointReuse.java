package org.syscalllab.experiment;

import java.time.Instant;

/**
 * How many sweep points of a computed run were read from the result cache instead of simulated (see
 * {@link RunContext#sweepOver}): {@code fromCache} of {@code points}, the oldest of them computed at {@code oldest}
 * ({@code null} when none came from the cache).
 */
public record PointReuse(int fromCache, int points, Instant oldest) {
    /** No point came from the cache (or the run had no cached sweep). */
    public static final PointReuse NONE = new PointReuse(0, 0, null);

    public PointReuse {
        if (points < 0) throw new IllegalArgumentException("points = " + points + " is not allowed; allowed: >= 0");
        if (fromCache < 0 || fromCache > points) {
            throw new IllegalArgumentException("from_cache = " + fromCache + " is not allowed; allowed: [0, " + points + "]");
        }
        if ((oldest == null) != (fromCache == 0)) {
            throw new IllegalArgumentException("oldest = " + oldest + " is not allowed; allowed: null exactly when from_cache = 0");
        }
    }

    /** "3 of 4 points from cache (oldest computed 5 min ago)", or "" when none. */
    public String summary(Instant now) {
        if (fromCache == 0) return "";
        java.time.Duration age = java.time.Duration.between(oldest, now);
        return fromCache + " of " + points + " points from cache (oldest computed " + Result.ago(age.isNegative()
                ? java.time.Duration.ZERO : age) + ")";
    }
}

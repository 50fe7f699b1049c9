package org.syscalllab.mech;

/**
 * How a user-supplied function is protected when it runs in the kernel (paper §2.6.2).
 * {@code ISOLATED_SEGMENT} puts code and data in their own segment: each call saves and restores state with modified
 * SAVE_ALL/RESTORE_ALL (about 12 {@code pushl} and 12 {@code popl}) plus a far call. {@code DATA_SEGMENT} keeps the
 * code in the kernel segment and prefixes every data reference with {@code %gs}: no cost per call.
 */
public enum CosySafety {
    ISOLATED_SEGMENT, DATA_SEGMENT;

    /** The parameter value used in experiments ({@code isolated_segment}, {@code data_segment}). */
    public String key() { return name().toLowerCase(java.util.Locale.ROOT); }

    public static CosySafety of(String key) {
        for (CosySafety s : values()) if (s.key().equals(key)) return s;
        throw new IllegalArgumentException("safety = '" + key + "' is not allowed; allowed: isolated_segment, data_segment");
    }
}

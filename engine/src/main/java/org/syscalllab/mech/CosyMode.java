package org.syscalllab.mech;

/**
 * How a compound moves data (paper §4.1): {@code COSY} executes the compound in the kernel but still copies data
 * between the kernel and the user's buffers; {@code COSY_FAST} places buffers in the shared data buffer so that
 * {@code copy_to_user}/{@code copy_from_user} are skipped (zero-copy).
 */
public enum CosyMode {
    COSY("cosy"), COSY_FAST("cosy_fast");

    private final String series;

    CosyMode(String series) { this.series = series; }

    /** The series name in result tables. */
    public String series() { return series; }

    public boolean zeroCopy() { return this == COSY_FAST; }
}

package org.syscalllab.hw;

/** The processor structures the memory model tracks, with the suffix used in metric names. */
public enum Structure {
    L1I("l1i"), L1D("l1d"), L2("l2"), L3("l3"), ITLB("itlb"), DTLB("dtlb");

    private final String suffix;

    Structure(String suffix) { this.suffix = suffix; }

    /** Metric suffix: {@code l1i}, {@code l1d}, {@code l2}, {@code l3}, {@code itlb}, {@code dtlb}. */
    public String suffix() { return suffix; }

    public boolean isTlb() { return this == ITLB || this == DTLB; }
}

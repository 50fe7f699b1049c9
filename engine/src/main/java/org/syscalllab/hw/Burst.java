package org.syscalllab.hw;

import java.util.List;

/**
 * A stretch of execution as the memory system sees it: how many references each stream makes, interleaved. A program
 * running N instructions is one burst; a system call's kernel path is another.
 *
 * @param streams the streams referenced in this burst
 * @param refs    references per stream (same order); a SWEEP stream with refs equal to its lines makes one pass
 */
public record Burst(List<Stream> streams, double[] refs) {
    public Burst {
        streams = List.copyOf(streams);
        refs = refs.clone();
        if (streams.size() != refs.length) {
            throw new IllegalArgumentException("refs has " + refs.length + " entries for " + streams.size() + " streams; allowed: one per stream");
        }
        for (int i = 0; i < refs.length; i++) {
            if (!(refs[i] >= 0) || Double.isInfinite(refs[i])) {
                throw new IllegalArgumentException("refs[" + streams.get(i).name() + "] = " + refs[i] + " is not allowed; allowed: >= 0");
            }
        }
    }

    /** A burst of one stream. */
    public static Burst of(Stream s, double refs) { return new Burst(List.of(s), new double[] {refs}); }

    public double totalRefs() {
        double t = 0;
        for (double r : refs) t += r;
        return t;
    }

    @Override
    public double[] refs() { return refs.clone(); }

    double refs(int i) { return refs[i]; }

    /** The references without a copy (the memory models only read them). */
    double[] refsArray() { return refs; }
}

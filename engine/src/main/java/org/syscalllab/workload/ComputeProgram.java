package org.syscalllab.workload;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.hw.Burst;
import org.syscalllab.hw.Owner;
import org.syscalllab.hw.Region;
import org.syscalllab.hw.Stream;

/**
 * A compute-bound user program as the memory system sees it: a base IPC (measured without system calls), data and
 * instruction-fetch references per instruction, and working-set streams each taking a share of those references.
 * Running N instructions is one {@link Burst}.
 *
 * @param name             program name
 * @param baseIpc          user IPC with no system calls (the paper's baseline measurement)
 * @param dataRefsPerInstr data references (to distinct-line granularity) per instruction
 * @param fetchRefsPerInstr instruction-fetch line references per instruction
 * @param streams          working-set streams (owner {@link Owner#USER})
 * @param shares           share of its kind's references (data or fetch) each stream takes; per kind they sum to 1
 */
public record ComputeProgram(String name, double baseIpc, double dataRefsPerInstr, double fetchRefsPerInstr,
                             List<Stream> streams, List<Double> shares) {
    public ComputeProgram {
        if (!(baseIpc > 0 && baseIpc <= 8)) throw new IllegalArgumentException("base_ipc = " + baseIpc + " is not allowed; allowed: (0, 8]");
        if (!(dataRefsPerInstr >= 0 && dataRefsPerInstr <= 4)) {
            throw new IllegalArgumentException("data_refs_per_instr = " + dataRefsPerInstr + " is not allowed; allowed: [0, 4]");
        }
        if (!(fetchRefsPerInstr >= 0 && fetchRefsPerInstr <= 4)) {
            throw new IllegalArgumentException("fetch_refs_per_instr = " + fetchRefsPerInstr + " is not allowed; allowed: [0, 4]");
        }
        streams = List.copyOf(streams);
        shares = List.copyOf(shares);
        if (streams.size() != shares.size()) throw new IllegalArgumentException("shares has " + shares.size() + " entries for " + streams.size() + " streams");
        double d = 0;
        double f = 0;
        for (int i = 0; i < streams.size(); i++) {
            if (shares.get(i) < 0) throw new IllegalArgumentException("shares[" + streams.get(i).name() + "] = " + shares.get(i) + " is not allowed; allowed: >= 0");
            if (streams.get(i).instruction()) f += shares.get(i);
            else d += shares.get(i);
        }
        if (Math.abs(d - 1) > 1e-6 || Math.abs(f - 1) > 1e-6) {
            throw new IllegalArgumentException(name + ": data shares sum to " + d + " and fetch shares to " + f + "; allowed: 1 each");
        }
    }

    /** References per instruction of each stream (relative rates, for steady-state fills). */
    public double[] ratesPerInstruction() {
        double[] r = new double[streams.size()];
        for (int i = 0; i < r.length; i++) r[i] = shares.get(i) * (streams.get(i).instruction() ? fetchRefsPerInstr : dataRefsPerInstr);
        return r;
    }

    /** The memory references of running {@code instructions} instructions. */
    public Burst burst(double instructions) {
        double[] r = ratesPerInstruction();
        for (int i = 0; i < r.length; i++) r[i] *= instructions;
        return new Burst(streams, r);
    }

    /** A copy with every working-set stream's lines (and pages) scaled by {@code factor} (for what-if sweeps). */
    public ComputeProgram withWorkingSetScale(double factor) {
        if (!(factor > 0 && factor <= 64)) throw new IllegalArgumentException("working_set_scale = " + factor + " is not allowed; allowed: (0, 64]");
        List<Stream> out = new ArrayList<>();
        long page = 0;
        for (Stream s : streams) {
            Region r = s.region();
            int lines = Math.max(r.runLines(), (int) Math.round(r.lines() * factor));
            int pages = Math.max(1, (int) Math.round(r.pages() * factor));
            Region nr = new Region(page, lines, Math.min(pages, (lines + r.runLines() - 1) / r.runLines()), r.runLines(), r.pageLines());
            page = nr.endPage();
            out.add(new Stream(s.name(), s.owner(), nr, s.pattern(), s.instruction()));
        }
        return new ComputeProgram(name, baseIpc, dataRefsPerInstr, fetchRefsPerInstr, out, shares);
    }

    /** Builder of the streams of a program: regions are placed one after another from page 0. */
    static final class Layout {
        private final String prefix;
        private final int pageLines;
        private long nextPage;
        final List<Stream> streams = new ArrayList<>();
        final List<Double> shares = new ArrayList<>();

        Layout(String prefix, int pageLines) {
            this.prefix = prefix;
            this.pageLines = pageLines;
        }

        Layout data(String name, int lines, int runLines, double share) { return add(name, lines, runLines, share, false); }

        Layout code(String name, int lines, int runLines, double share) { return add(name, lines, runLines, share, true); }

        private Layout add(String name, int lines, int runLines, double share, boolean instr) {
            int run = Math.min(runLines, pageLines);
            int pages = (lines + run - 1) / run;        // one run per page: objects scattered over the heap or text
            Region r = new Region(nextPage, lines, pages, run, pageLines);
            nextPage = r.endPage();
            streams.add(new Stream(prefix + "." + name, Owner.USER, r, Stream.Pattern.RANDOM, instr));
            shares.add(share);
            return this;
        }
    }
}

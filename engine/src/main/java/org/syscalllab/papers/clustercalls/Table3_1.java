package org.syscalllab.papers.clustercalls;

import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;

/**
 * Table 3.1: cycles of a system call and of a procedure call, split into entry and exit, measured as in §3.1: a
 * serialised time-stamp read before the call, one inside it ({@code NtReadTimeStampCounter}) and one after, averaged
 * over many runs, with the measurement overhead subtracted.
 */
final class Table3_1 implements Experiment {
    @Override public String id() { return "clustercalls.table3_1"; }

    @Override public String title() { return "CPU cycles of system calls and procedure calls"; }

    @Override public String xParameter() { return "part"; }

    @Override public List<Param> parameters() {
        return List.of(
                Param.ofInt("trap_entry_cycles", ThesisInputs.TRAP_ENTRY, 0, 100_000, "cycles", "system-call entry (Table 3.1)"),
                Param.ofInt("trap_exit_cycles", ThesisInputs.TRAP_EXIT, 0, 100_000, "cycles", "system-call exit (Table 3.1)"),
                Param.ofInt("call_entry_cycles", ThesisInputs.CALL_ENTRY, 0, 100_000, "cycles", "call instruction (Table 3.1)"),
                Param.ofInt("call_exit_cycles", ThesisInputs.CALL_EXIT, 0, 100_000, "cycles", "ret instruction (Table 3.1)"),
                Param.ofInt("measurement_overhead_cycles", ThesisInputs.MEASUREMENT_OVERHEAD, 0, 10_000, "cycles", "rdtsc/cpuid overhead subtracted (§3.1)"),
                Param.ofInt("runs", 1000, 1, 1_000_000, "", "runs averaged (§3.1)"));
    }

    @Override public void run(Params p, RunContext ctx, TidyRows out) {
        long ovh = p.getLong("measurement_overhead_cycles");
        int runs = p.getInt("runs");
        measure(out, "sync", p.getLong("trap_entry_cycles"), p.getLong("trap_exit_cycles"), ovh, runs);
        measure(out, "procedure_call", p.getLong("call_entry_cycles"), p.getLong("call_exit_cycles"), ovh, runs);
        double sys = p.getLong("trap_entry_cycles") + p.getLong("trap_exit_cycles");
        double proc = p.getLong("call_entry_cycles") + p.getLong("call_exit_cycles");
        out.add("derived", "total", "speedup", proc == 0 ? 0 : sys / proc);
    }

    /** Each run reads the counter three times; the overhead of each read pair is subtracted from each half. */
    private static void measure(TidyRows out, String series, long entry, long exit, long overhead, int runs) {
        long sumEntry = 0, sumExit = 0;
        for (int r = 0; r < runs; r++) {
            long t0 = 0;
            long t1 = t0 + overhead / 2 + entry + (overhead - overhead / 2);
            long t2 = t1 + overhead / 2 + exit + (overhead - overhead / 2);
            sumEntry += t1 - t0 - overhead;
            sumExit += t2 - t1 - overhead;
        }
        out.add(series, "entry", "cycles_per_call", (double) sumEntry / runs);
        out.add(series, "exit", "cycles_per_call", (double) sumExit / runs);
        out.add(series, "total", "cycles_per_call", (double) (sumEntry + sumExit) / runs);
    }
}

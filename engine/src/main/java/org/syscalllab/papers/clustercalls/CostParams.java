package org.syscalllab.papers.clustercalls;

import java.util.List;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.mech.ClusterCallCosts;

/** The primitive costs as experiment parameters (defaults from {@link ThesisInputs}), shared by every experiment. */
final class CostParams {
    private CostParams() { }

    static List<Param> declare() {
        return List.of(
                Param.ofDouble("clock_ghz", ThesisInputs.CLOCK_GHZ, 0.5, 10, "GHz", "core clock (Table 6.1)"),
                Param.ofInt("trap_entry_cycles", ThesisInputs.TRAP_ENTRY, 0, 100_000, "cycles", "system-call entry (Table 3.1)"),
                Param.ofInt("trap_exit_cycles", ThesisInputs.TRAP_EXIT, 0, 100_000, "cycles", "system-call exit (Table 3.1)"),
                Param.ofInt("work_item_cycles", ThesisInputs.WORK_ITEM, 0, 100_000, "cycles", "ASSUMPTION: create one work item"),
                Param.ofInt("capture_cycles", ThesisInputs.CAPTURE, 0, 100_000, "cycles", "ASSUMPTION: worker per-call path besides atomics"),
                Param.ofInt("atomic_cycles", ThesisInputs.ATOMIC, 0, 100_000, "cycles", "ASSUMPTION: one uncontended locked operation"),
                Param.ofInt("line_transfer_cycles", ThesisInputs.LINE_TRANSFER, 0, 100_000, "cycles", "ASSUMPTION: cache-to-cache line transfer"),
                Param.ofInt("signal_cycles", ThesisInputs.SIGNAL, 0, 100_000, "cycles", "ASSUMPTION: ready a waiting thread"),
                Param.ofInt("wait_enter_cycles", ThesisInputs.WAIT_ENTER, 0, 100_000, "cycles", "ASSUMPTION: enter a blocking wait"),
                Param.ofInt("thread_switch_cycles", ThesisInputs.THREAD_SWITCH, 0, 1_000_000, "cycles", "ASSUMPTION: thread context switch"),
                Param.ofDouble("ipi_ns", ThesisInputs.IPI_NS, 0, 1e6, "ns", "ASSUMPTION: inter-processor interrupt delivery"),
                Param.ofDouble("idle_exit_ns", ThesisInputs.IDLE_EXIT_NS, 0, 1e6, "ns", "ASSUMPTION: halted core wake-up (C1 exit)"),
                Param.ofDouble("fiber_switch_ns", ThesisInputs.FIBER_SWITCH_NS, 0, 1e6, "ns", "ASSUMPTION: user-mode fiber switch"),
                Param.ofDouble("redirect_ns", ThesisInputs.REDIRECT_NS, 0, 1e6, "ns", "ASSUMPTION: SCAL work per redirected call"));
    }

    static ClusterCallCosts costs(Params p) {
        double g = p.getDouble("clock_ghz");
        return new ClusterCallCosts(p.getLong("trap_entry_cycles"), p.getLong("trap_exit_cycles"), p.getLong("work_item_cycles"),
                p.getLong("capture_cycles"), p.getLong("atomic_cycles"), p.getLong("line_transfer_cycles"),
                p.getLong("signal_cycles"), p.getLong("wait_enter_cycles"), p.getLong("thread_switch_cycles"),
                Math.round(p.getDouble("ipi_ns") * g), Math.round(p.getDouble("idle_exit_ns") * g),
                Math.round(p.getDouble("fiber_switch_ns") * g), Math.round(p.getDouble("redirect_ns") * g));
    }
}

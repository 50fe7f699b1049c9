package org.syscalllab.papers.cosy;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.hw.Platforms;
import org.syscalllab.mech.CosyCosts;
import org.syscalllab.mech.CosySafety;
import org.syscalllab.papers.cosy.Workloads.Config;
import org.syscalllab.papers.cosy.Workloads.CosySetup;
import org.syscalllab.papers.cosy.Workloads.Os;

/**
 * The parameters every Cosy experiment shares (the machine and the Cosy machinery a reader may want to change), their
 * defaults taken from their single homes ({@link Testbed#cosy}, {@link CosyCosts#defaults()}), and the rows every
 * experiment writes for a configuration's times.
 */
final class Knobs {
    private Knobs() { }

    static final Testbed TESTBED = Testbed.cosy(Platforms.cosyPentium4());
    static final CosyCosts COSTS = CosyCosts.defaults();

    static List<Param> common() {
        List<Param> ps = new ArrayList<>();
        ps.add(Param.ofInt("crossing_cycles", TESTBED.crossingCycles(), 0, 1_000_000, "cycles",
                "one int 0x80 entry and exit on the Pentium 4 (platform preset cosy-pentium4-1.7)"));
        ps.add(Param.ofDouble("copy_cycles_per_byte", TESTBED.copyCyclesPerByte(), 0, 100, "cycles/B",
                "copy_to_user/copy_from_user per byte (ASSUMPTION, see Testbed.cosy)"));
        ps.add(Param.ofInt("ram_mb", TESTBED.ramMb(), 32, 4096, "MB", "main memory (paper: 128 MB)"));
        ps.add(Param.ofChoice("safety", CosySafety.DATA_SEGMENT.key(), List.of("data_segment", "isolated_segment"),
                "protection of user functions in the kernel: %gs-prefixed data segment (no cost per call) or an isolated segment (save/restore per call)"));
        ps.add(Param.ofBool("decode_cache", true, "keep decoded operations in the kernel's hash table (false: decode on every visit)"));
        ps.add(Param.ofInt("decode_first_cycles", COSTS.decodeFirstCycles(), 0, 1_000_000, "cycles", "first-visit decode of an operation (ASSUMPTION)"));
        ps.add(Param.ofInt("decode_cached_cycles", COSTS.decodeCachedCycles(), 0, 1_000_000, "cycles", "decode-cache hit (ASSUMPTION)"));
        ps.add(Param.ofInt("build_per_op_cycles", COSTS.buildPerOpCycles(), 0, 1_000_000, "cycles", "user-side Cosy-Lib cost of appending one operation (ASSUMPTION)"));
        ps.add(Param.ofInt("isolated_call_cycles", COSTS.isolatedCallCycles(), 0, 1_000_000, "cycles",
                "save/restore and far call per user-function call in an isolated segment (about 12 pushl + 12 popl, paper §2.6.2)"));
        return ps;
    }

    static Os os(Params p) {
        Testbed t = TESTBED.withCrossingCycles(p.getLong("crossing_cycles"))
                .withCopyCyclesPerByte(p.getDouble("copy_cycles_per_byte"))
                .withRamMb(p.getLong("ram_mb"));
        return Os.of(t);
    }

    static CosySetup setup(Params p, boolean optimisedFor) {
        CosyCosts c = COSTS.withDecodeFirstCycles(p.getLong("decode_first_cycles"))
                .withDecodeCachedCycles(p.getLong("decode_cached_cycles"))
                .withBuildPerOpCycles(p.getLong("build_per_op_cycles"))
                .withIsolatedCallCycles(p.getLong("isolated_call_cycles"));
        return new CosySetup(c, CosySafety.of(p.getString("safety")), p.getBool("decode_cache"), optimisedFor);
    }

    /** Rows of one configuration's absolute times at one x. */
    static void times(TidyRows out, String series, String x, Times t, Testbed tb, double scale) {
        out.add(series, x, "elapsed_s", tb.seconds(t.elapsedCycles()) * scale);
        out.add(series, x, "system_s", tb.seconds(t.systemCycles()) * scale);
        out.add(series, x, "user_s", tb.seconds(t.userCycles()) * scale);
        out.add(series, x, "io_wait_s", tb.seconds(t.ioWaitCycles()) * scale);
    }

    /** Rows of a Cosy configuration's improvements over VAN (elapsed, system and user time). */
    static void improvements(TidyRows out, String series, String x, Times van, Times cosy) {
        out.add(series, x, "improvement_pct", Times.improvement(van.elapsedCycles(), cosy.elapsedCycles()));
        out.add(series, x, "system_improvement_pct", Times.improvement(van.systemCycles(), cosy.systemCycles()));
        out.add(series, x, "user_improvement_pct", Times.improvement(van.userCycles(), cosy.userCycles()));
    }

    /** Rows comparing both Cosy configurations with VAN, and the points COSY_FAST gains over COSY. */
    static void comparison(TidyRows out, String x, java.util.Map<Config, Times> t) {
        Times van = t.get(Config.VAN), cosy = t.get(Config.COSY), fast = t.get(Config.COSY_FAST);
        improvements(out, "cosy", x, van, cosy);
        improvements(out, "cosy_fast", x, van, fast);
        out.add("cosy_fast", x, "gap_vs_cosy_pct",
                Times.improvement(van.elapsedCycles(), fast.elapsedCycles()) - Times.improvement(van.elapsedCycles(), cosy.elapsedCycles()));
    }

    static final List<Config> ALL = List.of(Config.VAN, Config.COSY, Config.COSY_FAST);
}

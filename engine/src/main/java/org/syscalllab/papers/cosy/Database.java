package org.syscalllab.papers.cosy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.papers.cosy.Workloads.Config;
import org.syscalllab.papers.cosy.Workloads.CosySetup;
import org.syscalllab.papers.cosy.Workloads.Os;

/**
 * The database simulation shared by {@code cosy.fig3} and {@code cosy.fig4} (paper §4.3): random lseek + read, and a
 * write on every other iteration (reads : writes = 2 : 1, as pgmeter), six million reads and writes in all, one file
 * shared by 1, 2 or 4 processes. The workload is stationary, so a sample of the transactions is simulated and the
 * times are scaled to the full count.
 */
final class Database {
    private Database() { }

    static List<Param> parameters() {
        List<Param> ps = new ArrayList<>(List.of(
                Param.ofInt("transactions", 6_000_000, 3, 1_000_000_000L, "", "reads plus writes in all (paper: six million)"),
                Param.ofInt("simulated_transactions", 150_000, 3, 1_000_000_000L, "",
                        "transactions actually simulated; times are scaled to 'transactions' (the workload is stationary)"),
                Param.ofInt("record_bytes", 4096, 1, 1 << 20, "B", "bytes per read and write; ASSUMPTION: the paper does not give the record size"),
                Param.ofInt("iterations_per_compound", 10_000, 2, 1_000_000_000L, "",
                        "iterations one compound runs (the paper's 'user-specified number of iterations'); ASSUMPTION 10,000"),
                Param.ofBool("write_in_place", true,
                        "write the record back where it was read (a second lseek); ASSUMPTION: the paper says the write follows the read of the same data")));
        ps.addAll(Knobs.common());
        return ps;
    }

    /** Times of the three configurations for one file size and process count, scaled to the full transaction count. */
    static Map<Config, Times> run(Params p, long fileMb, int processes, RunContext ctx) {
        Os os = Knobs.os(p);
        CosySetup setup = Knobs.setup(p, true);
        long simulated = Math.min(p.getLong("simulated_transactions"), p.getLong("transactions"));
        long iterations = simulated * 2 / 3;                  // 2 reads : 1 write
        iterations -= iterations % (2L * processes);
        Map<Config, Times> out = new EnumMap<>(Config.class);
        for (Config c : Knobs.ALL) {
            RandomGenerator[] rng = new RandomGenerator[processes];
            // the same offsets for every configuration: the comparison is paired
            for (int q = 0; q < processes; q++) rng[q] = ctx.stream("db.offsets." + fileMb + "." + processes + "." + q);
            out.put(c, Benchmarks.database(os, setup, c, fileMb * 1024 * 1024, iterations, p.getInt("record_bytes"),
                    processes, p.getLong("iterations_per_compound"), p.getBool("write_in_place"), rng));
        }
        return out;
    }

    /** The factor from the simulated sample to the full transaction count. */
    static double scale(Params p) {
        long simulated = Math.min(p.getLong("simulated_transactions"), p.getLong("transactions"));
        long iterations = simulated * 2 / 3;
        long transactions = iterations + iterations / 2;
        return p.getLong("transactions") / (double) Math.max(1, transactions - transactions % 3);
    }
}

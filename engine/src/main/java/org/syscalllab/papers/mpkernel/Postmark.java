package org.syscalllab.papers.mpkernel;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.os.Kernel;
import org.syscalllab.os.KernelConfig;
import org.syscalllab.os.Op;
import org.syscalllab.os.SmpKernel;
import org.syscalllab.os.ThreadBody;
import org.syscalllab.os.lock.LockKind;
import org.syscalllab.os.lock.LockUse;
import org.syscalllab.os.syscall.SyscallSpec;
import org.syscalllab.os.syscall.SyscallTable;
import org.syscalllab.sim.Simulation;

/**
 * Fig 2.2: Postmark on Linux 2.0, 2.2, 2.4 and 2.6 with 1 to 8 CPUs in Simics (Section 2.5). Eight Postmark
 * processes run in parallel, each creating its pool of small files and then running transactions (create or delete,
 * plus read or append, each with probability 1/2), all in the page cache (the 100-byte files fit). Performance is
 * transactions per second, normalised to uniprocessor Linux 2.0 (series {@code linux_2_x}) and to the version's own
 * uniprocessor run ({@code linux_2_x_self}). All kernels are SMP builds, as in the thesis (lock operations cost even
 * on one CPU).
 */
public final class Postmark implements Experiment {
    @Override
    public String id() { return "mpkernel.fig2_2"; }

    @Override
    public String title() { return "Postmark throughput on Linux 2.0/2.2/2.4/2.6 locking, 1-8 CPUs (normalised to UP Linux 2.0)"; }

    @Override
    public String xParameter() { return "cpus"; }

    @Override
    public List<Param> parameters() {
        return List.of(
                Param.ofIntList("cpus", List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L), 1, 8, "", "CPU counts"),
                Param.ofText("versions", "linux_2_0,linux_2_2,linux_2_4,linux_2_6", "versions to run"),
                Param.ofChoice("granularity", "version", List.of("version", "giant", "subsystem", "fine"),
                        "each version's own lock placement, or one policy for all (what-if)"),
                Param.ofInt("processes", 8, 1, 64, "", "Postmark processes in parallel (Section 2.5: 8)"),
                Param.ofInt("transactions", 1_000, 10, 10_000, "",
                        "transactions per process (the thesis ran 10,000; fewer keep the run short, the mix is the same)"),
                Param.ofInt("files", 100, 1, 1_000, "",
                        "files in each process's pool (the thesis: 1,000 simultaneous files; scaled with transactions)"),
                Param.ofInt("user_instructions", 3_000, 0, 1_000_000, "",
                        "Postmark's own instructions per transaction (ASSUMPTION: random choices, name and buffer set-up)"),
                Param.ofInt("bkl_lines", 4, 0, 1_000, "lines",
                        "cache lines that follow the big kernel lock to its next CPU: the lock word and the first lines the next holder reads (ASSUMPTION; the thesis gives none)"));
    }

    /**
     * The file-system calls of a transaction; instructions are an ASSUMPTION for ext2 on 2.x with the files in the page
     * cache: create (lookup, inode and directory-entry allocation) 6,000; open 2,500; 100-byte read 1,500; append
     * (including block allocation) 2,500; close 600; unlink 4,000.
     */
    static SyscallTable table(double cpi) {
        List<LockUse> none = List.of();
        return new SyscallTable(List.of(
                SyscallSpec.cpuOnly("create", 6_000, cpi, "fs", none),
                SyscallSpec.cpuOnly("open", 2_500, cpi, "fs", none),
                SyscallSpec.cpuOnly("read", 1_500, cpi, "fs", none),
                SyscallSpec.cpuOnly("append", 2_500, cpi, "fs", none),
                SyscallSpec.cpuOnly("close", 600, cpi, "fs", none),
                SyscallSpec.cpuOnly("unlink", 4_000, cpi, "fs", none)));
    }

    static ThreadBody process(int files, int transactions, long userCycles, RandomGenerator rng) {
        return new ThreadBody() {
            int created;
            int done;
            int deleted;
            int live = 0;
            final java.util.ArrayDeque<Op> queue = new java.util.ArrayDeque<>();

            @Override
            public Op next(org.syscalllab.os.KThread self) {
                Op q = queue.poll();
                if (q != null) return q;
                if (created < files) {
                    created++;
                    live++;
                    queue.add(new Op.Syscall("append"));
                    queue.add(new Op.Syscall("close"));
                    return new Op.Syscall("create");
                }
                if (done < transactions) {
                    done++;
                    if (rng.nextBoolean() || live == 0) {
                        live++;
                        queue.add(new Op.Syscall("create"));
                        queue.add(new Op.Syscall("append"));
                        queue.add(new Op.Syscall("close"));
                    } else {
                        live--;
                        queue.add(new Op.Syscall("unlink"));
                    }
                    queue.add(new Op.Syscall("open"));
                    queue.add(new Op.Syscall(rng.nextBoolean() ? "read" : "append"));
                    queue.add(new Op.Syscall("close"));
                    return new Op.User(userCycles);
                }
                if (deleted < live) {
                    deleted++;
                    return new Op.Syscall("unlink");
                }
                return Op.EXIT;
            }
        };
    }

    static long elapsed(LinuxVersion v, int cpus, Params p, Simulation sim) {
        Machine m = Machine.simicsP4();
        KernelConfig cfg = KernelConfig.simple(cpus)
                .withCosts(m.kernel(Ch4Systems.CONTEXT_SWITCH_INSTRUCTIONS), 0, m.lineTransferCycles(), 2,
                        m.kernel(Ch4Systems.LOCK_OP_INSTRUCTIONS))
                .withTicks(m.tickCycles(), m.kernel(Ch4Systems.TICK_INSTRUCTIONS), Ch4Systems.SLICE_TICKS)
                .withRunQueue(v.sharedRunQueue(), false)
                .withIdleWake(KernelConfig.IdleWake.IPI, m.ipiCycles(), 1)
                .withSliceAcrossSleeps(Ch4Systems.LINUX_SLICE_ACROSS_SLEEPS);
        Kernel k = new Kernel(sim, cfg, table(m.kernelCpi()),
                new SmpKernel(v.policy(p.getString("granularity")), m.entryCycles() + m.kernel(Linux24.ENTRY_INSTRUCTIONS),
                        m.exitCycles() + m.kernel(Linux24.EXIT_INSTRUCTIONS), v.series()));
        k.declareLock("bkl", p.getInt("bkl_lines"));
        k.declareLock("giant", p.getInt("bkl_lines"));
        k.declareLock("dcache_lock", 2);
        k.declareLock("pagecache_lock", 2);
        RandomGenerator rng = sim.stream("postmark");
        for (int i = 0; i < p.getInt("processes"); i++) {
            k.spawn("postmark" + i, process(p.getInt("files"), p.getInt("transactions"),
                    Math.round(p.getLong("user_instructions") * m.kernelCpi()), rng), k.allCpus());
        }
        k.run();
        return k.elapsed();
    }

    static List<LinuxVersion> versions(Params p) {
        List<LinuxVersion> out = new ArrayList<>();
        for (String s : p.getString("versions").split("[,\\s]+")) if (!s.isBlank()) out.add(LinuxVersion.parse(s.trim()));
        if (out.isEmpty()) throw new IllegalArgumentException("versions must name at least one version");
        return out;
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        record Pt(LinuxVersion v, int cpus) { }
        List<Pt> pts = new ArrayList<>();
        List<LinuxVersion> vs = versions(p);
        List<Long> cpuList = new ArrayList<>(p.getLongList("cpus"));
        if (!cpuList.contains(1L)) cpuList.add(0, 1L);
        if (!vs.contains(LinuxVersion.V2_0)) pts.add(new Pt(LinuxVersion.V2_0, 1));
        for (LinuxVersion v : vs) for (long n : cpuList) pts.add(new Pt(v, (int) n));
        List<Long> res = ctx.sweep(pts, (pt, c) -> elapsed(pt.v(), pt.cpus(), p, c.newSimulation()));
        long base20 = 0;
        java.util.Map<LinuxVersion, Long> own = new java.util.EnumMap<>(LinuxVersion.class);
        for (int i = 0; i < pts.size(); i++) {
            if (pts.get(i).cpus() == 1) {
                own.put(pts.get(i).v(), res.get(i));
                if (pts.get(i).v() == LinuxVersion.V2_0) base20 = res.get(i);
            }
        }
        double txs = (double) p.getInt("processes") * p.getInt("transactions");
        for (int i = 0; i < pts.size(); i++) {
            Pt pt = pts.get(i);
            if (!vs.contains(pt.v()) || !p.getLongList("cpus").contains((long) pt.cpus())) continue;
            long t = res.get(i);
            out.add(pt.v().series(), pt.cpus(), "speedup", (double) base20 / t);
            out.add(pt.v().series() + "_self", pt.cpus(), "speedup", (double) own.get(pt.v()) / t);
            out.add(pt.v().series(), pt.cpus(), "throughput_rps", txs / (t / Machine.simicsP4().clockHz()));
        }
        // the shape the thesis describes for 2.4: gains up to 3 CPUs, none after
        for (LinuxVersion v : vs) {
            Long t3 = null, t8 = null;
            for (int i = 0; i < pts.size(); i++) {
                if (pts.get(i).v() != v) continue;
                if (pts.get(i).cpus() == 3) t3 = res.get(i);
                if (pts.get(i).cpus() == 8) t8 = res.get(i);
            }
            if (t3 != null && t8 != null) out.add("derived", 8, v.series() + "_gain_after_3", (double) t3 / t8);
        }
    }
}

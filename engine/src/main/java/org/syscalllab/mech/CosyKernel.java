package org.syscalllab.mech;

import java.util.List;

/**
 * The Cosy kernel extension's {@code cosy_run}: fetches each operation of a compound, decodes it (or finds it in the
 * lazy decode cache), resolves its arguments (literals, or references to earlier results and variables), executes
 * it, stores its result and chooses the next operation (paper §2.4.1). System calls are invoked directly with their
 * arguments pushed on the kernel stack, so the compound pays a single crossing. Execution stops at the end of the
 * compound, at the header's "entries to execute" limit, at the first failure when {@code exitOnFailure} is set, or
 * when the preemption check finds the in-kernel time over {@code timeLimitCycles}.
 *
 * <p>Immutable; each {@link #run} keeps its state in locals, so one instance may serve many processes.
 */
public final class CosyKernel {
    private final CosyCosts costs;
    private final CostModel platform;
    private final CosyMode mode;
    private final CosySafety safety;
    private final boolean exitOnFailure;
    private final boolean decodeCache;
    private final long timeLimitCycles;

    /**
     * @param costs           the Cosy machinery's costs
     * @param platform        crossing and per-byte copy costs of the machine
     * @param mode            {@code COSY} (copies) or {@code COSY_FAST} (shared-buffer zero-copy)
     * @param safety          protection of user functions
     * @param exitOnFailure   stop at the first failing operation (the paper's alternative mode)
     * @param decodeCache     keep decoded operations in the hash table (false: decode on every visit)
     * @param timeLimitCycles the maximum in-kernel time of a compound before the process is terminated
     */
    public CosyKernel(CosyCosts costs, CostModel platform, CosyMode mode, CosySafety safety, boolean exitOnFailure,
                      boolean decodeCache, long timeLimitCycles) {
        if (costs == null || platform == null || mode == null || safety == null) {
            throw new IllegalArgumentException("costs, platform, mode and safety are required");
        }
        if (timeLimitCycles < 1) throw new IllegalArgumentException("time_limit_cycles = " + timeLimitCycles + " is not allowed; allowed: >= 1");
        this.costs = costs;
        this.platform = platform;
        this.mode = mode;
        this.safety = safety;
        this.exitOnFailure = exitOnFailure;
        this.decodeCache = decodeCache;
        this.timeLimitCycles = timeLimitCycles;
    }

    /** Normal mode, decode cache on, no time limit. */
    public CosyKernel(CosyCosts costs, CostModel platform, CosyMode mode, CosySafety safety) {
        this(costs, platform, mode, safety, false, true, Long.MAX_VALUE);
    }

    public CosyMode mode() { return mode; }

    public CosySafety safety() { return safety; }

    public CosyCosts costs() { return costs; }

    /** Executes the compound once (one {@code cosy_run} crossing). */
    public CosyRun run(CosyProgram program, CosyServices services) {
        List<CosyOp> ops = program.ops();
        int n = ops.size();
        long[] results = new long[n];
        long[] vars = new long[program.variables()];
        boolean[] decoded = new boolean[n];
        // loop frames of active optimised for loops: the index of the For op
        int[] loops = new int[8];
        int depth = 0;
        boolean continuing = false;

        long executed = 0, syscalls = 0, userFns = 0, firsts = 0, cached = 0;
        long kernel = costs.runSetupCycles(), userFn = 0, safetyC = 0, copy = 0, copied = 0, avoided = 0, io = 0;
        long crossing = platform.crossingCycles();
        long nextTick = costs.tickCycles();
        CosyRun.Status status = CosyRun.Status.COMPLETED;
        int stoppedAt = -1;
        int pc = 0;
        long serviceOwn = 0;       // cycles the services accounted themselves (call work and waits)
        long reported = 0;         // cycles outside the services already reported through elapse()

        while (true) {
            // the end of an optimised for body sends control back to its For op
            if (depth > 0) {
                int f = loops[depth - 1];
                if (pc == f + 1 + ((CosyOp.For) ops.get(f)).bodyLength()) {
                    pc = f;
                    continuing = true;
                }
            }
            if (pc >= n) break;
            if (executed >= program.entriesToExecute()) {
                status = CosyRun.Status.OP_LIMIT;
                stoppedAt = pc;
                break;
            }
            long inKernel = kernel + userFn + safetyC + copy;
            if (inKernel >= nextTick) {
                // the scheduler's check of a Cosy process's in-kernel time, once per tick (paper §2.6.1)
                safetyC += costs.preemptCheckCycles();
                nextTick += costs.tickCycles();
                if (inKernel > timeLimitCycles) {
                    status = CosyRun.Status.TIME_LIMIT;
                    stoppedAt = pc;
                    break;
                }
            }
            CosyOp op = ops.get(pc);
            executed++;
            kernel += costs.opLimitCheckCycles();
            if (decodeCache && decoded[pc]) {
                cached++;
                kernel += costs.decodeCachedCycles();
            } else {
                firsts++;
                decoded[pc] = true;
                kernel += costs.decodeFirstCycles();
            }
            int next = pc + 1;
            boolean failed = false;
            if (op instanceof CosyOp.Syscall s) {
                long[] a = resolve(s.args(), results, vars);
                kernel += costs.argCycles() * a.length;
                reported = report(services, crossing + kernel + userFn + safetyC + copy - serviceOwn, reported);
                CosyCallResult r = services.syscall(s.call(), a, mode.zeroCopy() && s.sharedBuffer());
                syscalls++;
                kernel += r.workCycles();
                serviceOwn += r.workCycles();
                copy += platform.copyCycles(r.copyBytes());
                copied += r.copyBytes();
                avoided += r.avoidedCopyBytes();
                io += r.ioWaitCycles();
                results[pc] = r.value();
                failed = r.failed();
            } else if (op instanceof CosyOp.UserFn u) {
                long[] a = resolve(u.args(), results, vars);
                kernel += costs.argCycles() * a.length;
                if (safety == CosySafety.ISOLATED_SEGMENT) safetyC += costs.isolatedCallCycles();
                reported = report(services, crossing + kernel + userFn + safetyC + copy - serviceOwn, reported);
                CosyCallResult r = services.userFunction(u.function(), a);
                userFns++;
                userFn += r.workCycles();
                serviceOwn += r.workCycles();
                io += r.ioWaitCycles();
                results[pc] = r.value();
                failed = r.failed();
            } else if (op instanceof CosyOp.Arith ar) {
                kernel += costs.dispatchCycles();
                long v = value(ar.operand(), results, vars);
                long x;
                switch (ar.kind()) {
                    case ASSIGN: x = v; break;
                    case ADD: x = vars[ar.var()] + v; break;
                    case SUB: x = vars[ar.var()] - v; break;
                    case INC: x = vars[ar.var()] + 1; break;
                    default: x = vars[ar.var()] - 1; break;
                }
                vars[ar.var()] = x;
                results[pc] = x;
            } else if (op instanceof CosyOp.Cond c) {
                kernel += costs.dispatchCycles();
                boolean holds = c.cmp().test(value(c.left(), results, vars), value(c.right(), results, vars));
                if (c.jumpWhenTrue() == holds) next = c.target();
            } else if (op instanceof CosyOp.Goto g) {
                kernel += costs.dispatchCycles();
                next = g.target();
            } else if (op instanceof CosyOp.Switch sw) {
                kernel += costs.dispatchCycles();
                long v = value(sw.value(), results, vars);
                next = sw.defaultTarget();
                for (int i = 0; i < sw.cases().size(); i++) {
                    if (sw.cases().get(i) == v) {
                        next = sw.targets().get(i);
                        break;
                    }
                }
            } else if (op instanceof CosyOp.For f) {
                kernel += costs.dispatchCycles();
                boolean top = depth > 0 && loops[depth - 1] == pc;
                if (continuing && top) {
                    vars[f.var()] += f.step();
                } else {
                    vars[f.var()] = f.init();
                    if (depth == loops.length) loops = java.util.Arrays.copyOf(loops, depth * 2);
                    loops[depth++] = pc;
                }
                if (!f.cmp().test(vars[f.var()], value(f.limit(), results, vars))) {
                    depth--;
                    next = pc + 1 + f.bodyLength();
                }
            } else {
                kernel += costs.dispatchCycles();   // a label
            }
            continuing = false;
            if (failed && exitOnFailure) {
                status = CosyRun.Status.FAILED;
                stoppedAt = pc;
                break;
            }
            // a jump out of a for body leaves that loop
            while (depth > 0) {
                int f = loops[depth - 1];
                int end = f + 1 + ((CosyOp.For) ops.get(f)).bodyLength();
                if (next > f && next <= end) break;
                depth--;
            }
            pc = next;
        }
        report(services, crossing + kernel + userFn + safetyC + copy - serviceOwn, reported);
        return new CosyRun(status, stoppedAt, executed, syscalls, userFns, firsts, cached, crossing, kernel, userFn,
                safetyC, copy, copied, avoided, io, results, vars);
    }

    private static long report(CosyServices services, long outside, long reported) {
        if (outside > reported) services.elapse(outside - reported);
        return Math.max(outside, reported);
    }

    private static long[] resolve(List<CosyArg> args, long[] results, long[] vars) {
        long[] a = new long[args.size()];
        for (int i = 0; i < a.length; i++) a[i] = value(args.get(i), results, vars);
        return a;
    }

    private static long value(CosyArg a, long[] results, long[] vars) {
        if (a instanceof CosyArg.Literal l) return l.value();
        if (a instanceof CosyArg.Result r) return results[r.op()];
        return vars[((CosyArg.Var) a).index()];
    }
}

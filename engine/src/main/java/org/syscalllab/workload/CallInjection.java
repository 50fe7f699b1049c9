package org.syscalllab.workload;

import java.util.List;
import org.syscalllab.hw.CoreTiming;
import org.syscalllab.hw.MemorySystem;
import org.syscalllab.hw.Misses;
import org.syscalllab.hw.Owner;
import org.syscalllab.hw.Platform;
import org.syscalllab.hw.Stream;
import org.syscalllab.hw.Structure;

/**
 * A compute program with a system call injected every N user instructions, on one core, with synchronous calls:
 * user burst, mode switch in, the kernel path, mode switch out, repeat. The memory model carries the state across
 * bursts, so the kernel's lines evict the user's and the user re-misses afterwards; the timing model turns misses into
 * cycles. Time is attributed as FlexSC's counters saw it: the entry and exit cycles and the kernel path are kernel
 * time; the pipeline drain and refill around the exception ({@link Platform#pipelineRefillCycles()}) is user time.
 *
 * <p>The user program's core CPI is derived from its base IPC: the program is run without calls in steady state on the
 * machine the base IPC was measured on, and its miss stalls are subtracted from 1/base IPC (a base IPC its misses
 * alone exceed is rejected).
 */
public final class CallInjection {
    private final Platform platform;
    private final MemorySystem mem;
    private final CoreTiming timing;
    private final ComputeProgram program;
    private final double userCoreCpi;
    private final double baseStallPerInstr;

    /** Instructions run without calls to settle the caches after the steady-state fill. */
    public static final double SETTLE_INSTRUCTIONS = 2_000_000;

    /** A program on a platform whose core CPI is derived on that same platform. */
    public CallInjection(Platform platform, MemorySystem.Fidelity fidelity, ComputeProgram program, long seed) {
        this(platform, platform, fidelity, program, seed);
    }

    /**
     * A program on {@code platform}, with the core CPI derived from the base IPC on {@code reference} (the machine the
     * base IPC was measured on). With smaller or larger caches than the reference, the same core then runs slower or
     * faster, as the changed misses dictate.
     */
    public CallInjection(Platform platform, Platform reference, MemorySystem.Fidelity fidelity, ComputeProgram program, long seed) {
        this.platform = platform;
        this.timing = new CoreTiming(platform);
        this.program = program;
        CoreTiming refTiming = new CoreTiming(reference);
        MemorySystem ref = warm(reference, fidelity, program, seed);
        double window = 1_000_000;
        Misses m = ref.run(program.burst(window));
        this.baseStallPerInstr = refTiming.stallCycles(m) / window;
        this.userCoreCpi = 1.0 / program.baseIpc() - baseStallPerInstr;
        if (userCoreCpi < 0.05) {
            throw new IllegalArgumentException("base_ipc = " + program.baseIpc() + " of " + program.name()
                    + " is not allowed with this working set: its misses alone take " + baseStallPerInstr
                    + " cycles per instruction on " + reference.name() + "; allowed: base_ipc < " + (1 / (baseStallPerInstr + 0.05)));
        }
        this.mem = reference.equals(platform) ? ref : warm(platform, fidelity, program, seed);
    }

    private static MemorySystem warm(Platform p, MemorySystem.Fidelity fidelity, ComputeProgram program, long seed) {
        MemorySystem m = MemorySystem.create(p, fidelity, seed);
        m.prefill(program.streams(), program.ratesPerInstruction());
        m.run(program.burst(SETTLE_INSTRUCTIONS));
        return m;
    }

    public MemorySystem memory() { return mem; }

    public Platform platform() { return platform; }

    /** The user core CPI derived from the base IPC. */
    public double userCoreCpi() { return userCoreCpi; }

    /** What a stretch of execution cost. */
    public record Interval(double instructions, double cycles, Misses misses) {
        public double ipc() { return cycles <= 0 ? 0 : instructions / cycles; }

        public double mpki(Structure s) { return CoreTiming.mpki(misses.get(s), instructions); }

        Interval plus(Interval o) { return new Interval(instructions + o.instructions, cycles + o.cycles, misses.plus(o.misses)); }

        static final Interval ZERO = new Interval(0, 0, new Misses());
    }

    /** User work of {@code instructions} instructions (no call). */
    public Interval user(double instructions) {
        Misses m = mem.run(program.burst(instructions));
        return new Interval(instructions, timing.cycles(instructions, userCoreCpi, m), m);
    }

    private final java.util.Map<String, List<Stream>> placed = new java.util.HashMap<>();
    private long nextKernelPage = KernelPath.KERNEL_BASE_PAGE;
    private final java.util.Map<KernelPath, List<Stream>> byPath = new java.util.IdentityHashMap<>();  // placed, by instance

    /** The kernel path of one call, mode switches included (kernel time). */
    public Interval kernel(KernelPath k) {
        List<Stream> known = byPath.get(k);
        List<Stream> ss = known != null ? known : placed.computeIfAbsent(k.name() + "#" + k.hashCode(), key -> {
            List<Stream> s = k.streams(nextKernelPage, platform.dtlb().pageBytes() / platform.lineBytes());
            nextKernelPage += k.pagesSpanned() + 1;
            return s;
        });
        if (known == null) byPath.put(k, ss);
        Misses m = mem.run(k.burst(ss));
        double cycles = timing.cycles(k.instructions(), 1.0 / k.coreIpc(), m) + platform.syscallRoundTripCycles();
        return new Interval(k.instructions(), cycles, m);
    }

    /** User-visible cycles of the exception's pipeline drain and refill (the direct cost beyond the mode switch). */
    public double directUserCycles() { return platform.pipelineRefillCycles(); }

    /** Totals of a run with a call every N instructions. */
    public record Outcome(Interval user, Interval kernel, long calls) {
        public double userIpc() { return user.ipc(); }

        public double kernelIpc() { return kernel.ipc(); }
    }

    /**
     * Runs {@code warmupCalls} unmeasured then {@code calls} measured intervals of N user instructions followed by the
     * call; with {@code call == null} the same intervals run without any call (the baseline the paper compares with).
     */
    public Outcome periodic(KernelPath call, double instructionsBetweenCalls, int warmupCalls, int calls) {
        if (!(instructionsBetweenCalls >= 1)) {
            throw new IllegalArgumentException("instructions_between_calls = " + instructionsBetweenCalls + " is not allowed; allowed: >= 1");
        }
        if (calls < 1) throw new IllegalArgumentException("calls = " + calls + " is not allowed; allowed: >= 1");
        for (int i = 0; i < warmupCalls; i++) {
            user(instructionsBetweenCalls);
            if (call != null) kernel(call);
        }
        Interval u = Interval.ZERO;
        Interval k = Interval.ZERO;
        for (int i = 0; i < calls; i++) {
            Interval ui = user(instructionsBetweenCalls);
            if (call == null) {
                u = u.plus(ui);
                continue;
            }
            u = u.plus(new Interval(ui.instructions(), ui.cycles() + directUserCycles(), ui.misses()));
            k = k.plus(kernel(call));
        }
        return new Outcome(u, k, calls);
    }

    /** Lines of the user evicted by the kernel in each structure during one call (FlexSC Table 1's method). */
    public double[] evictionsOfOneCall(KernelPath call) {
        mem.resetEvictions();
        kernel(call);
        double[] out = new double[Structure.values().length];
        for (Structure s : Structure.values()) out[s.ordinal()] = mem.evicted(s, Owner.USER, Owner.KERNEL);
        return out;
    }
}

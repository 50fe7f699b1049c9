package org.syscalllab.papers.cosy;

import org.syscalllab.mech.CallRequest;
import org.syscalllab.mech.CosyBuilder;
import org.syscalllab.mech.CosyCallResult;
import org.syscalllab.mech.CosyCosts;
import org.syscalllab.mech.CosyKernel;
import org.syscalllab.mech.CosyMode;
import org.syscalllab.mech.CosyProgram;
import org.syscalllab.mech.CosyRun;
import org.syscalllab.mech.CosySafety;
import org.syscalllab.mech.CostModel;

/**
 * The shared pieces of the Cosy workloads: the simulated system ({@link Os}), the Cosy configuration
 * ({@link CosySetup}), and the two kinds of process a benchmark runs as: {@link Van} making ordinary system calls and
 * {@link Compound} building and running Cosy compounds.
 */
final class Workloads {
    private Workloads() { }

    /** The configuration a benchmark runs on. */
    enum Config {
        VAN("van"), COSY("cosy"), COSY_FAST("cosy_fast");

        final String series;

        Config(String series) { this.series = series; }

        CosyMode mode() {
            if (this == VAN) throw new IllegalStateException("VAN has no Cosy mode");
            return this == COSY ? CosyMode.COSY : CosyMode.COSY_FAST;
        }
    }

    /**
     * The simulated system: machine, kernel costs, user costs and the page-cache policy.
     *
     * @param readaheadPages  Linux 2.4's {@code vm_max_readahead}. ASSUMPTION 31 pages (the 2.4 default).
     * @param dirtyBackground bdflush's {@code nfract}: dirty fraction that wakes it. ASSUMPTION 0.30 (2.4 default).
     * @param dirtySync       bdflush's {@code nfract_sync}: dirty fraction above which writers wait. ASSUMPTION 0.60.
     * @param dirtyStop       bdflush's {@code nfract_stop_bdflush}: where it stops. ASSUMPTION 0.20.
     */
    record Os(Testbed testbed, LinuxCosts costs, UserCosts user, int readaheadPages, double dirtyBackground,
              double dirtySync, double dirtyStop) {
        Os {
            if (testbed == null || costs == null || user == null) throw new IllegalArgumentException("testbed, costs and user are required");
        }

        static Os of(Testbed t) {
            return new Os(t, LinuxCosts.linux2420(), UserCosts.defaults(), 31, 0.30, 0.60, 0.20);
        }

        /** The machine as a {@link CostModel} for the Cosy kernel (crossing and copy prices). */
        CostModel costModel() {
            return new CostModel() {
                @Override public long crossingCycles() { return testbed.crossingCycles(); }
                @Override public long kernelCycles(CallRequest call) { return call.kernelInstructions(); }
                @Override public long userCycles(long instructions) { return instructions; }
                @Override public long copyCycles(long bytes) { return testbed.copyCycles(bytes); }
                @Override public double clockHz() { return testbed.clockHz(); }
            };
        }
    }

    /** How compounds are built and run. */
    record CosySetup(CosyCosts costs, CosySafety safety, boolean decodeCache, boolean optimisedFor) {
        CosySetup {
            if (costs == null || safety == null) throw new IllegalArgumentException("costs and safety are required");
        }

        static CosySetup defaults() {
            return new CosySetup(CosyCosts.defaults(), CosySafety.DATA_SEGMENT, true, true);
        }
    }

    /** A process making ordinary system calls; accounts user, system and I/O-wait time. */
    static final class Van {
        final LinuxModel os;
        final Os sys;
        long user, system, io;

        Van(LinuxModel os, Os sys) {
            this.os = os;
            this.sys = sys;
        }

        /** One system call: wrapper and refill in user mode; crossing, work and copy in system time. */
        long call(String name, long... args) {
            long u = sys.user().wrapper() + sys.testbed().refillCycles();
            long x = sys.testbed().crossingCycles();
            os.elapse(u + x);
            CosyCallResult r = os.syscall(name, args, false);
            long copy = sys.testbed().copyCycles(r.copyBytes());
            os.elapse(copy);
            user += u;
            system += x + r.workCycles() + copy;
            io += r.ioWaitCycles();
            return r.value();
        }

        /** User-mode work. */
        void compute(long cycles) {
            os.elapse(cycles);
            user += cycles;
        }

        /** A user function run in user mode. */
        long function(String name, long... args) {
            CosyCallResult r = os.userFunction(name, args);
            user += r.workCycles();
            io += r.ioWaitCycles();
            return r.value();
        }

        Times times() { return new Times(user, system, io, 0); }
    }

    /** A process that builds compounds and runs them with {@code cosy_run}. */
    static final class Compound {
        final LinuxModel os;
        final Os sys;
        final CosyKernel kernel;
        final CosySetup setup;
        long user, system, io, runs;
        CosyRun last;

        Compound(LinuxModel os, Os sys, CosySetup setup, CosyMode mode) {
            this.os = os;
            this.sys = sys;
            this.setup = setup;
            this.kernel = new CosyKernel(setup.costs(), sys.costModel(), mode, setup.safety(), false, setup.decodeCache(), Long.MAX_VALUE);
        }

        /** Builds the compound in user space (charged as user time). */
        CosyProgram build(CosyProgram p) {
            long c = CosyBuilder.buildCycles(p, setup.costs()) - setup.costs().runWrapperCycles();
            os.elapse(c);
            user += c;
            return p;
        }

        /** Runs a built compound: the wrapper and refill in user mode, the rest in the kernel. */
        CosyRun run(CosyProgram p) {
            long u = setup.costs().runWrapperCycles() + sys.testbed().refillCycles();
            os.elapse(u);
            user += u;
            CosyRun r = kernel.run(p, os);
            system += r.systemCycles();
            io += r.ioWaitCycles();
            runs++;
            last = r;
            return r;
        }

        void compute(long cycles) {
            os.elapse(cycles);
            user += cycles;
        }

        Times times() { return new Times(user, system, io, 0); }
    }
}

package org.syscalllab.papers.mpkernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.syscalllab.os.KThread;
import org.syscalllab.os.Kernel;
import org.syscalllab.os.Op;
import org.syscalllab.os.ThreadBody;
import org.syscalllab.os.WaitQueue;

/**
 * The programs of Chapter 4 (Table 4.1) as workloads on the OS model. The thesis names the programs and their inputs
 * but gives no instruction or system-call counts; every count here is an ASSUMPTION estimated from what the program
 * does with its stated input, in Simics instructions (one cycle each).
 */
final class Programs {
    private Programs() { }

    /**
     * A single-threaded program: user instructions interleaved evenly with its system calls.
     *
     * @param name  program name
     * @param user  user instructions in total
     * @param calls system call name to count
     */
    record Sequential(String name, long user, Map<String, Long> calls) {
        long totalCalls() { return calls.values().stream().mapToLong(Long::longValue).sum(); }

        /** A body issuing the calls round-robin over call types in proportion to their counts, user work between. */
        ThreadBody body(double cpi) {
            List<String> names = new ArrayList<>(calls.keySet());
            long[] left = new long[names.size()];
            double[] credit = new double[names.size()];
            for (int i = 0; i < left.length; i++) left[i] = calls.get(names.get(i));
            long total = totalCalls();
            long perGap = total == 0 ? user : user / (total + 1);
            long[] userLeft = {Math.round(user * cpi)};
            boolean[] userNext = {true};
            long gapCycles = Math.round(perGap * cpi);
            return self -> {
                if (userNext[0]) {
                    userNext[0] = false;
                    long remainingCalls = 0;
                    for (long l : left) remainingCalls += l;
                    long chunk = remainingCalls == 0 ? userLeft[0] : Math.min(userLeft[0], gapCycles);
                    userLeft[0] -= chunk;
                    if (chunk > 0) return new Op.User(chunk);
                }
                userNext[0] = true;
                int best = -1;
                for (int i = 0; i < left.length; i++) {
                    if (left[i] == 0) continue;
                    credit[i] += (double) calls.get(names.get(i)) / total;
                    if (best < 0 || credit[i] > credit[best]) best = i;
                }
                if (best < 0) return userLeft[0] > 0 ? next(userLeft) : Op.EXIT;
                credit[best] -= 1;
                left[best]--;
                return new Op.Syscall(names.get(best));
            };
        }

        private static Op next(long[] userLeft) {
            long c = userLeft[0];
            userLeft[0] = 0;
            return new Op.User(c);
        }
    }

    static Map<String, Long> calls(Object... nameCount) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < nameCount.length; i += 2) m.put((String) nameCount[i], ((Number) nameCount[i + 1]).longValue());
        return m;
    }

    /**
     * {@code find /} over 13,946 files and directories (Table 4.1). ASSUMPTION: one in ten entries is a directory;
     * per entry an lstat and 1,500 user instructions (fts traversal, name handling, output formatting); per directory
     * open, fstat, two getdents, close and two fchdir; output written in 4 KB blocks of about 100 paths.
     */
    static Sequential find() {
        long entries = 13_946;
        long dirs = entries / 10;
        return new Sequential("find", entries * 1_500, calls("lstat", entries, "open", dirs, "fstat", dirs,
                "getdents", 2 * dirs, "close", dirs, "fchdir", 2 * dirs, "write", entries / 100));
    }

    /**
     * 176.gcc on MinneSPEC's smred input. ASSUMPTION: 400 M user instructions; 3,000 page faults (12 MB of heap and
     * stack touched), 400 brk, 60 reads and 60 writes of 4 KB, 20 open/close.
     */
    static Sequential gcc() {
        return new Sequential("gcc", 400_000_000L, calls("pagefault", 3_000, "brk", 400, "read", 60, "write", 60,
                "open", 20, "close", 20));
    }

    /**
     * 164.gzip on lgred.log. ASSUMPTION: 600 M user instructions; 300 page faults (static buffers), 32 reads and 32
     * writes of 32 KB (each counted as eight 4 KB calls' work: 8 x 2,000 instructions via 8 calls).
     */
    static Sequential gzip() {
        return new Sequential("gzip", 600_000_000L, calls("pagefault", 300, "read", 256, "write", 256, "open", 2, "close", 2));
    }

    /** grep "linux" System.map (150,000 lines, Table 4.1). ASSUMPTION: 30 bytes and 200 user instructions a line. */
    static Sequential grep() {
        long lines = 150_000;
        return new Sequential("grep", lines * 200, calls("read", lines * 30 / 4096, "open", 1, "close", 1, "pagefault", 50));
    }

    /** The grep of {@code find / | grep "data"}: reads find's output (about 40 bytes a path) from the pipe. */
    static Sequential pipeGrep() {
        long lines = 13_946;
        return new Sequential("pipe-grep", lines * 200, calls("read", lines * 40 / 4096, "pagefault", 50));
    }

    /**
     * A SPLASH-2 program with {@code threads} threads: the main thread runs the serial set-up (initialising the input,
     * touching its pages), creates the workers with clone, then all threads run the program's phases separated by
     * barriers (LinuxThreads: a synchronisation call to arrive, one per waiter to wake), touching their share of the
     * remaining pages in the first phase; the main thread joins the workers. Within a phase every thread does the same
     * work; phases differ as the program's steps do (a key-generation loop is long, a prefix sum over the radix is
     * short), which matters because a phase shorter than a time slice runs in rounds when threads outnumber CPUs.
     *
     * @param serialUser    user instructions of the main thread's set-up
     * @param serialPages   pages first touched in the set-up
     * @param parallelUser  user instructions of the parallel part, all threads together
     * @param parallelPages pages first touched in the parallel part, all threads together
     * @param phaseWork     relative work of each barrier-separated phase (shares of {@code parallelUser}), >= 0
     */
    record Splash(String name, int threads, long serialUser, long serialPages, long parallelUser, long parallelPages,
                  List<Double> phaseWork) {
        Splash {
            if (threads < 1) throw new IllegalArgumentException("threads = " + threads + " is not allowed; allowed: >= 1");
            phaseWork = List.copyOf(phaseWork);
            double sum = 0;
            for (double w : phaseWork) {
                if (!(w >= 0)) throw new IllegalArgumentException("phase_work = " + phaseWork + " is not allowed; allowed: weights >= 0");
                sum += w;
            }
            if (phaseWork.isEmpty() || !(sum > 0)) {
                throw new IllegalArgumentException("phase_work = " + phaseWork + " is not allowed; allowed: at least one positive weight");
            }
        }

        /** {@code n} phases of equal work. */
        static List<Double> equalPhases(int n) { return java.util.Collections.nCopies(n, 1.0); }

        int phases() { return phaseWork.size(); }

        /** User instructions of one thread in phase {@code i}. */
        double threadWork(int i) {
            double sum = 0;
            for (double w : phaseWork) sum += w;
            return parallelUser / (double) threads * phaseWork.get(i) / sum;
        }

        /** Spawns the program's main thread (which spawns the workers); every thread is added to {@code all}. */
        KThread start(Kernel k, long affinity, double cpi, List<KThread> all) {
            WaitQueue join = new WaitQueue(name + ".join");
            Barrier barrier = new Barrier(threads);
            KThread main = k.spawn(name + ".0", new SplashThread(this, k, affinity, cpi, all, join, barrier, true), affinity);
            all.add(main);
            return main;
        }
    }

    /** One thread of a SPLASH program: set-up (main only), clones (main only), phases with barriers, join. */
    private static final class SplashThread implements ThreadBody {
        private final Splash prog;
        private final Kernel k;
        private final long affinity;
        private final double cpi;
        private final List<KThread> all;
        private final WaitQueue join;
        private final Barrier barrier;
        private final boolean main;
        private int stage;            // 0 set-up, 1 clones, 2 phases, 3 join/exit
        private long counter;
        private int phase;
        private boolean workDone;

        SplashThread(Splash prog, Kernel k, long affinity, double cpi, List<KThread> all, WaitQueue join, Barrier barrier,
                     boolean main) {
            this.prog = prog;
            this.k = k;
            this.affinity = affinity;
            this.cpi = cpi;
            this.all = all;
            this.join = join;
            this.barrier = barrier;
            this.main = main;
            this.stage = main ? 0 : 2;
        }

        @Override
        public Op next(KThread self) {
            while (true) {
                switch (stage) {
                    case 0 -> {
                        if (counter == 0) {
                            counter = 1;
                            return new Op.User(Math.round(prog.serialUser() * cpi));
                        }
                        if (counter <= prog.serialPages()) {
                            counter++;
                            return new Op.Syscall("pagefault");
                        }
                        stage = 1;
                        counter = 0;
                    }
                    case 1 -> {
                        if (counter < prog.threads() - 1) {
                            counter++;
                            KThread w = k.spawn(prog.name() + "." + counter,
                                    new SplashThread(prog, k, affinity, cpi, all, join, barrier, false), affinity);
                            w.inProcess(self.process());
                            all.add(w);
                            return new Op.Syscall("clone");
                        }
                        stage = 2;
                        counter = 0;
                    }
                    case 2 -> {
                        if (phase >= prog.phases()) {
                            stage = 3;
                            counter = 0;
                            continue;
                        }
                        if (phase == 0 && counter < prog.parallelPages() / prog.threads()) {
                            counter++;
                            return new Op.Syscall("pagefault");
                        }
                        if (!workDone) {
                            workDone = true;
                            return new Op.User(Math.round(prog.threadWork(phase) * cpi));
                        }
                        workDone = false;
                        phase++;
                        List<Op> ops = barrier.arrive();
                        self.pushSteps(ops.subList(1, ops.size()));
                        return ops.get(0);
                    }
                    default -> {
                        if (!main) {
                            if (counter++ == 0) return new Op.Post(join, Boolean.TRUE);
                            return Op.EXIT;
                        }
                        if (counter < prog.threads() - 1) {
                            counter++;
                            return new Op.Wait(join);
                        }
                        return Op.EXIT;
                    }
                }
            }
        }
    }

    /** A LinuxThreads-style barrier: arrivals call sync and sleep; the last wakes each sleeper with a sync call. */
    static final class Barrier {
        private final int parties;
        private int arrived;
        private WaitQueue queue = new WaitQueue("barrier");

        Barrier(int parties) { this.parties = parties; }

        /** The steps of one arrival. */
        List<Op> arrive() {
            List<Op> ops = new ArrayList<>();
            ops.add(new Op.Syscall("sync"));
            if (++arrived < parties) {
                ops.add(new Op.Wait(queue));
                return ops;
            }
            WaitQueue q = queue;
            arrived = 0;
            queue = new WaitQueue("barrier");
            for (int i = 0; i < parties - 1; i++) {
                ops.add(new Op.Syscall("sync"));
                ops.add(new Op.Post(q, Boolean.TRUE));
            }
            return ops;
        }
    }

    /**
     * SPLASH-2 RADIX -n 8000000 -p8 (Table 4.1), with the program's default maximum key 524,288 and radix 1,024, so
     * two digit passes. Phases, as the program's barriers separate them: every thread generates its own keys; an empty
     * phase (the statistics-reset barrier); then per digit a local histogram, the prefix tree over the radix, the rank
     * computation and the permutation of the keys. ASSUMPTION (instructions, the thesis gives none): no serial set-up
     * beyond 1 M instructions; per key 68 to generate it (four modular products of doubles), 6 per digit for the
     * histogram and 10 per digit for the permutation (100 in all); the prefix tree and rank phases about 10 instructions
     * per radix bucket and thread (0.01 per key); 16,000 pages of keys.
     */
    static Splash radix() {
        double tree = 0.01;
        return new Splash("radix", 8, 1_000_000, 10, 800_000_000L, 16_000,
                List.of(68.0, 0.0, 6.0, tree, tree, 10.0, 6.0, tree, tree, 10.0));
    }

    /**
     * SPLASH-2 FFT -m20 -p8, the six-step FFT. ASSUMPTION: the main thread fills the 2^m complex points with
     * pseudo-random values (2 values a point, 40 instructions each) and touches their pages; the workers' phases, each
     * ended by a barrier, are a start barrier, touching their share of the arrays (6 instructions a point, twice the
     * data's pages first touched), then transpose, row FFTs (with the twiddle), transpose, row FFTs, transpose: the FFTs
     * 5 N log2 N flops at 2 instructions a flop (half in each pass), a transpose 20 instructions a point.
     */
    static Splash fft(int m) {
        long n = 1L << m;
        long serial = n * 2 * 40;
        double touch = 6, transpose = 20, rowFfts = 5.0 * m;
        long parallel = Math.round(n * (touch + 3 * transpose + 2 * rowFfts));
        return new Splash("fft", 8, serial, n * 16 / 4096, parallel, n * 32 / 4096,
                List.of(0.0, touch, transpose, rowFfts, transpose, rowFfts, transpose));
    }

    /**
     * SPLASH-2 LU -p 8 -b 16 -n 512 (non-contiguous). ASSUMPTION: the main thread fills the 512 x 512 matrix (40
     * instructions a value, 512 pages); factorisation 2n^3/3 flops at 2 instructions a flop; one phase per block step
     * (n/b = 32), whose work is the step's update of the trailing blocks: j^2 interior and j perimeter blocks when j
     * block rows remain (the diagonal block's factorisation, done by its owner alone, is not modelled).
     */
    static Splash lu() {
        long n = 512;
        int steps = (int) (n / 16);
        List<Double> w = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            double j = steps - 1 - k;
            w.add(j * j + j);
        }
        return new Splash("lu", 8, n * n * 40, n * n * 8 / 4096, 2 * n * n * n / 3 * 2, 0, w);
    }
}

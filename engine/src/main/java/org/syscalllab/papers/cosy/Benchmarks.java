package org.syscalllab.papers.cosy;

import static org.syscalllab.mech.CosyArg.lit;
import static org.syscalllab.mech.CosyArg.ref;
import static org.syscalllab.mech.CosyArg.var;

import java.util.random.RandomGenerator;
import org.syscalllab.mech.CosyBuilder;
import org.syscalllab.mech.CosyCallResult;
import org.syscalllab.mech.CosyOp.Cmp;
import org.syscalllab.mech.CosyProgram;
import org.syscalllab.papers.cosy.Workloads.Compound;
import org.syscalllab.papers.cosy.Workloads.Config;
import org.syscalllab.papers.cosy.Workloads.CosySetup;
import org.syscalllab.papers.cosy.Workloads.Os;
import org.syscalllab.papers.cosy.Workloads.Van;

/**
 * The paper's benchmarks (§4.2, §4.3), each written twice as the paper describes it: the vanilla program making one
 * system call at a time, and the Cosy program whose marked section became a compound. Each returns the time the run
 * took on a fresh simulated system.
 */
final class Benchmarks {
    private Benchmarks() { }

    // ---- getpid (Figure 2) --------------------------------------------------------------------------------------

    /**
     * {@code repetitions} times: N getpid calls in a for loop. The Cosy version builds a two-operation compound
     * ({@code for} + {@code getpid}; the general for form takes four) and runs it.
     */
    static Times getpid(Os sys, CosySetup setup, Config config, int n, int repetitions) {
        LinuxModel os = LinuxModel.of(sys);
        if (config == Config.VAN) {
            Van p = new Van(os, sys);
            for (int r = 0; r < repetitions; r++) {
                for (int i = 0; i < n; i++) {
                    p.compute(sys.user().loopIteration());
                    p.call("getpid");
                }
            }
            return p.times();
        }
        Compound p = new Compound(os, sys, setup, config.mode());
        for (int r = 0; r < repetitions; r++) {
            CosyBuilder b = new CosyBuilder();
            int i = b.newVar();
            if (setup.optimisedFor()) b.forLoop(i, 0, Cmp.LT, lit(n), 1, () -> b.syscall("getpid"));
            else b.forLoopGeneral(i, 0, Cmp.LT, lit(n), 1, () -> b.syscall("getpid"));
            p.run(p.build(b.build()));
        }
        return p.times();
    }

    // ---- database (Figures 3 and 4) -----------------------------------------------------------------------------

    /**
     * The database simulation: {@code processes} processes share one file and together make {@code iterations}
     * iterations of: a random record offset from a user function, lseek, read, and on every other iteration a write
     * of the record (back in place when {@code inPlace}, which takes a second lseek). The Cosy versions run
     * {@code perCompound} iterations per compound. One CPU: the processes take turns, and when there is more than one
     * the scheduler switches at every quantum.
     */
    static Times database(Os sys, CosySetup setup, Config config, long fileBytes, long iterations, int recordBytes,
                          int processes, long perCompound, boolean inPlace, RandomGenerator[] rng) {
        LinuxModel os = LinuxModel.of(sys);
        int file = os.createFile(fileBytes);
        os.warm(file);
        long records = Math.max(1, fileBytes / recordBytes);
        int[] fds = new int[processes];
        Van[] vans = new Van[processes];
        Compound[] cosies = new Compound[processes];
        CosyProgram[] programs = new CosyProgram[processes];
        for (int q = 0; q < processes; q++) {
            RandomGenerator g = rng[q];
            os.register("rand" + q, a -> CosyCallResult.of(g.nextLong(records) * recordBytes, sys.user().random()));
            if (config == Config.VAN) {
                vans[q] = new Van(os, sys);
                fds[q] = (int) vans[q].call("open", file);
            } else {
                cosies[q] = new Compound(os, sys, setup, config.mode());
                Van opener = new Van(os, sys);
                fds[q] = (int) opener.call("open", file);
                cosies[q].user += opener.user;
                cosies[q].system += opener.system;
            }
        }
        long perProcess = iterations / processes;
        long[] done = new long[processes];
        boolean more = true;
        while (more) {
            more = false;
            for (int q = 0; q < processes; q++) {
                long left = perProcess - done[q];
                if (left <= 0) continue;
                long k = Math.min(left, perCompound);
                k -= k % 2 == 1 && k > 1 ? 1 : 0;
                int fd = fds[q];
                String rand = "rand" + q;
                if (config == Config.VAN) {
                    Van p = vans[q];
                    for (long it = 0; it < k; it++) {
                        p.compute(sys.user().loopIteration());
                        long off = p.function(rand);
                        p.call("lseek", fd, off, LinuxModel.SEEK_SET);
                        p.call("read", fd, 0, recordBytes);
                        if ((done[q] + it) % 2 == 0) {
                            if (inPlace) p.call("lseek", fd, off, LinuxModel.SEEK_SET);
                            p.call("write", fd, 0, recordBytes);
                        }
                    }
                } else {
                    Compound p = cosies[q];
                    if (programs[q] == null || k != perCompound) programs[q] = p.build(databaseCompound(rand, fd, k, recordBytes, inPlace));
                    p.run(programs[q]);
                }
                done[q] += k;
                more |= done[q] < perProcess;
            }
        }
        Times t = Times.ZERO;
        for (int q = 0; q < processes; q++) t = t.plus(config == Config.VAN ? vans[q].times() : cosies[q].times());
        if (processes > 1) {
            long cpu = t.userCycles() + t.systemCycles();
            long switches = cpu / sys.testbed().quantumCycles();
            t = t.plus(new Times(0, 0, 0, switches * sys.testbed().contextSwitchCycles()));
        }
        return t;
    }

    /** {@code for (i = 0; i < k; i += 2) { off = rand(); lseek; read; [lseek;] write; off = rand(); lseek; read; }} */
    static CosyProgram databaseCompound(String rand, int fd, long k, int recordBytes, boolean inPlace) {
        CosyBuilder b = new CosyBuilder();
        int i = b.newVar();
        b.forLoop(i, 0, Cmp.LT, lit(k), 2, () -> {
            int r1 = b.userFn(rand);
            b.syscall("lseek", lit(fd), ref(r1), lit(LinuxModel.SEEK_SET));
            b.syscallShared("read", lit(fd), lit(0), lit(recordBytes));
            if (inPlace) b.syscall("lseek", lit(fd), ref(r1), lit(LinuxModel.SEEK_SET));
            b.syscallShared("write", lit(fd), lit(0), lit(recordBytes));
            int r2 = b.userFn(rand);
            b.syscall("lseek", lit(fd), ref(r2), lit(LinuxModel.SEEK_SET));
            b.syscallShared("read", lit(fd), lit(0), lit(recordBytes));
        });
        return b.build();
    }

    // ---- Bonnie (Figure 5) --------------------------------------------------------------------------------------

    /** Times of Bonnie's three modified phases. */
    record BonnieTimes(Times rewrite, Times fastwrite, Times fastread) { }

    /**
     * Bonnie on a file of {@code fileBytes}: the per-character write creates the file (not timed; its data has been
     * written back by the time it ends), then rewrite (read a chunk, change it, seek back, write it), block write
     * (the file truncated and written again chunk by chunk), the per-character read (not timed; it only leaves its
     * pages in the cache), and block read. Each timed phase is one compound in the Cosy versions.
     */
    static BonnieTimes bonnie(Os sys, CosySetup setup, Config config, long fileBytes, int chunk) {
        LinuxModel os = LinuxModel.of(sys);
        os.register("modify", a -> CosyCallResult.of(0, sys.user().modifyChunk()));
        int file = os.createFile(0);
        long chunks = fileBytes / chunk;
        Van setupProc = new Van(os, sys);
        int fd = (int) setupProc.call("open", file);
        for (long c = 0; c < chunks; c++) setupProc.call("write", fd, 0, chunk);
        os.settle();

        Times rewrite, fastwrite, fastread;
        if (config == Config.VAN) {
            Van p = new Van(os, sys);
            p.call("lseek", fd, 0, LinuxModel.SEEK_SET);
            for (long c = 0; c < chunks; c++) {
                p.compute(sys.user().loopIteration());
                p.call("read", fd, 0, chunk);
                p.compute(sys.user().modifyChunk());
                p.call("lseek", fd, -chunk, LinuxModel.SEEK_CUR);
                p.call("write", fd, 0, chunk);
            }
            rewrite = p.times();
            Van w = new Van(os, sys);
            os.truncate(file);
            w.call("lseek", fd, 0, LinuxModel.SEEK_SET);
            for (long c = 0; c < chunks; c++) {
                w.compute(sys.user().loopIteration());
                w.call("write", fd, 0, chunk);
            }
            fastwrite = w.times();
        } else {
            Compound p = new Compound(os, sys, setup, config.mode());
            CosyBuilder b = new CosyBuilder();
            int i = b.newVar();
            b.syscall("lseek", lit(fd), lit(0), lit(LinuxModel.SEEK_SET));
            b.forLoop(i, 0, Cmp.LT, lit(chunks), 1, () -> {
                b.syscallShared("read", lit(fd), lit(0), lit(chunk));
                b.userFn("modify");
                b.syscall("lseek", lit(fd), lit(-chunk), lit(LinuxModel.SEEK_CUR));
                b.syscallShared("write", lit(fd), lit(0), lit(chunk));
            });
            p.run(p.build(b.build()));
            rewrite = p.times();
            Compound w = new Compound(os, sys, setup, config.mode());
            os.truncate(file);
            CosyBuilder bw = new CosyBuilder();
            int j = bw.newVar();
            bw.syscall("lseek", lit(fd), lit(0), lit(LinuxModel.SEEK_SET));
            // the program fills its buffer itself: no read precedes the write, so there is no copy to save
            bw.forLoop(j, 0, Cmp.LT, lit(chunks), 1, () -> bw.syscallShared("write", lit(fd), lit(0), lit(chunk)));
            w.run(w.build(bw.build()));
            fastwrite = w.times();
        }
        // per-character read, not timed
        Van getc = new Van(os, sys);
        getc.call("lseek", fd, 0, LinuxModel.SEEK_SET);
        for (long c = 0; c < chunks; c++) getc.call("read", fd, 0, chunk);
        if (config == Config.VAN) {
            Van r = new Van(os, sys);
            r.call("lseek", fd, 0, LinuxModel.SEEK_SET);
            for (long c = 0; c < chunks; c++) {
                r.compute(sys.user().loopIteration());
                r.call("read", fd, 0, chunk);
            }
            fastread = r.times();
        } else {
            Compound r = new Compound(os, sys, setup, config.mode());
            CosyBuilder br = new CosyBuilder();
            int k = br.newVar();
            br.syscall("lseek", lit(fd), lit(0), lit(LinuxModel.SEEK_SET));
            br.forLoop(k, 0, Cmp.LT, lit(chunks), 1, () -> br.syscallShared("read", lit(fd), lit(0), lit(chunk)));
            r.run(r.build(br.build()));
            fastread = r.times();
        }
        return new BonnieTimes(rewrite, fastwrite, fastread);
    }

    // ---- ls -l (Figure 6) ---------------------------------------------------------------------------------------

    /**
     * ls -l of a directory of {@code files} files with a cold cache (the file system was remounted): getdents into a
     * buffer, then a stat of each entry, then ls's own formatting of each line in user space. The Cosy version runs
     * the getdents/stat loop as one compound; a user function walks the getdents buffer to the next entry.
     */
    static Times ls(Os sys, CosySetup setup, Config config, int files, int bufferBytes) {
        LinuxModel os = LinuxModel.of(sys);
        int first = os.createDirectory(files);
        int dir = first - 1;
        os.remount();
        long[] walked = {0};
        // readdir's walk of the getdents buffer: the next entry's file, or -1 when the buffer is used up
        os.register("next_entry", a -> {
            long returned = os.position((int) a[0]) / sys.costs().direntBytes();
            if (walked[0] >= returned) return CosyCallResult.of(-1, sys.user().lsEntryWalk());
            return CosyCallResult.of(first + walked[0]++, sys.user().lsEntryWalk());
        });
        if (config == Config.VAN) {
            Van p = new Van(os, sys);
            int fd = (int) p.call("open", dir);
            while (p.call("getdents", fd, 0, bufferBytes) > 0) {
                long e;
                while ((e = p.function("next_entry", fd)) >= 0) {
                    p.call("stat", e, 0);
                    p.compute(sys.user().lsPerFile());
                }
            }
            p.call("close", fd);
            return p.times();
        }
        Compound p = new Compound(os, sys, setup, config.mode());
        CosyBuilder b = new CosyBuilder();
        int fd = b.syscall("open", lit(dir));                    // op 0
        b.doWhile(() -> {
            b.syscallShared("getdents", ref(fd), lit(0), lit(bufferBytes));   // op 1
            b.label("next");
            int e = b.userFn("next_entry", ref(fd));
            b.ifThen(ref(e), Cmp.GE, lit(0), () -> {
                b.syscallShared("stat", ref(e), lit(0));
                b.jump("next");
            });
        }, ref(1), Cmp.GT, lit(0));
        b.syscall("close", ref(fd));
        p.run(p.build(b.build()));
        // ls formats every line in user space after the compound returns
        p.compute((long) files * sys.user().lsPerFile());
        return p.times();
    }

    // ---- grep (Figure 7) ----------------------------------------------------------------------------------------

    /**
     * grep over {@code files} files of {@code fileBytes} each (in the page cache): for each file, open it, read it
     * in {@code chunk}-byte chunks and run the search function on each until a short read, close it. The Cosy version
     * is one compound: a for loop over the files with the search as a user function in the kernel.
     */
    static Times grep(Os sys, CosySetup setup, Config config, int files, long fileBytes, int chunk) {
        LinuxModel os = LinuxModel.of(sys);
        int first = -1;
        for (int f = 0; f < files; f++) {
            int id = os.createFile(fileBytes);
            os.warm(id);
            if (first < 0) first = id;
        }
        UserCosts u = sys.user();
        os.register("search", a -> CosyCallResult.of(0, u.searchCall() + Math.round(a.length > 0 ? a[0] * u.searchPerByte() : 0)));
        if (config == Config.VAN) {
            Van p = new Van(os, sys);
            for (int f = 0; f < files; f++) {
                p.compute(u.grepPerFile());
                long fd = p.call("open", first + f);
                long n;
                do {
                    n = p.call("read", fd, 0, chunk);
                    p.function("search", n);
                } while (n == chunk);
                p.call("close", fd);
            }
            return p.times();
        }
        Compound p = new Compound(os, sys, setup, config.mode());
        CosyBuilder b = new CosyBuilder();
        int i = b.newVar();
        int start = first;
        b.forLoop(i, start, Cmp.LT, lit(start + files), 1, () -> {
            int fd = b.syscall("open", var(i));
            int[] n = new int[1];
            b.doWhile(() -> {
                n[0] = b.syscallShared("read", ref(fd), lit(0), lit(chunk));
                b.userFn("search", ref(n[0]));
            }, ref(fd + 1), Cmp.EQ, lit(chunk));
            b.syscall("close", ref(fd));
        });
        p.run(p.build(b.build()));
        p.compute((long) files * u.grepPerFile());
        return p.times();
    }
}

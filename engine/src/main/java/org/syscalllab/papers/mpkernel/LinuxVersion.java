package org.syscalllab.papers.mpkernel;

import java.util.List;
import java.util.Map;
import org.syscalllab.os.lock.Granularity;
import org.syscalllab.os.lock.LockKind;
import org.syscalllab.os.lock.LockUse;
import org.syscalllab.os.syscall.LockPolicy;

/**
 * The four Linux versions of Chapter 2 as lock placements for Postmark's file-system calls. The thesis states the
 * method of each (Table 2.1: 2.0 giant, 2.2 coarse, 2.4 and 2.6 fine) and that 2.2 "still holds the BKL for file
 * read and write" (Section 2.5); where in each call the locks sit is an ASSUMPTION from the kernels' code structure:
 * <ul>
 * <li>2.0: one kernel lock around every kernel entry, the scheduler and the timer tick;</li>
 * <li>2.2: the file-system calls under the big kernel lock for their whole path; the ready queue has its own lock;</li>
 * <li>2.4: reads and lookups under the global dcache and page-cache spin locks; directory operations (create,
 * unlink) still call into ext2 under the big kernel lock (half their path), as does ext2 block allocation on a write
 * (a third of it);</li>
 * <li>2.6: no big kernel lock in ext2; directory operations under the directory's semaphore (each Postmark process
 * works in its own directory), block allocation under per-block-group locks, lookups mostly lock-free (RCU), and one
 * ready queue per CPU.</li>
 * </ul>
 * The file-system work itself (instructions per call) is the same for every version: the thesis gives no per-version
 * path lengths, so the model does not invent the versions' different uniprocessor speeds.
 */
public enum LinuxVersion {
    V2_0("linux_2_0", Granularity.GIANT, true, Map.of()),
    V2_2("linux_2_2", Granularity.CUSTOM, true, Map.of(
            "create", List.of(bkl(1.0)), "open", List.of(bkl(1.0)), "read", List.of(bkl(1.0)),
            "append", List.of(bkl(1.0)), "close", List.of(bkl(1.0)), "unlink", List.of(bkl(1.0)))),
    V2_4("linux_2_4", Granularity.CUSTOM, true, Map.of(
            "create", List.of(LockUse.spin("dcache_lock", 0.15), bkl(0.5)),
            "unlink", List.of(LockUse.spin("dcache_lock", 0.15), bkl(0.5)),
            "open", List.of(LockUse.spin("dcache_lock", 0.2)),
            "read", List.of(LockUse.spin("pagecache_lock", 0.1)),
            "append", List.of(LockUse.spin("pagecache_lock", 0.1), bkl(0.33)),
            "close", List.of(LockUse.spin("files_lock", 0.1)))),
    V2_6("linux_2_6", Granularity.CUSTOM, false, Map.of(
            "create", List.of(LockUse.spin("dcache_lock", 0.05), new LockUse("dir_sem@", LockKind.MUTEX, true, 0.5, 1)),
            "unlink", List.of(LockUse.spin("dcache_lock", 0.05), new LockUse("dir_sem@", LockKind.MUTEX, true, 0.5, 1)),
            "open", List.of(LockUse.spin("dcache_lock", 0.05)),
            "read", List.of(LockUse.perObject("tree_lock", LockKind.SPIN, 0.1, 8_000)),
            "append", List.of(LockUse.perObject("i_sem", LockKind.MUTEX, 0.3, 8_000),
                    LockUse.perObject("group_lock", LockKind.SPIN, 0.1, 16)),
            "close", List.of()));

    private final String series;
    private final Granularity granularity;
    private final boolean sharedRunQueue;
    private final Map<String, List<LockUse>> map;

    LinuxVersion(String series, Granularity g, boolean sharedRunQueue, Map<String, List<LockUse>> map) {
        this.series = series;
        this.granularity = g;
        this.sharedRunQueue = sharedRunQueue;
        this.map = map;
    }

    private static LockUse bkl(double fraction) { return LockUse.spin("bkl", fraction); }

    public String series() { return series; }

    public boolean sharedRunQueue() { return sharedRunQueue; }

    /** The lock policy; {@code override} (giant, subsystem, fine) replaces the version's own placement. */
    public LockPolicy policy(String override) {
        if (override != null && !override.equals("version")) return LockPolicy.of(Granularity.parse(override));
        return new LockPolicy(granularity, map);
    }

    public static LinuxVersion parse(String s) {
        for (LinuxVersion v : values()) if (v.series.equals(s) || v.name().equalsIgnoreCase(s)) return v;
        throw new IllegalArgumentException("version = " + s + " is not allowed; allowed: linux_2_0, linux_2_2, linux_2_4, linux_2_6");
    }
}

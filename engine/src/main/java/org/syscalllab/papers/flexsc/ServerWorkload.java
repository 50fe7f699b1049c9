package org.syscalllab.papers.flexsc;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.hw.Owner;
import org.syscalllab.hw.Region;
import org.syscalllab.hw.Stream;
import org.syscalllab.workload.ComputeProgram;
import org.syscalllab.workload.KernelPath;
import org.syscalllab.workload.KernelPaths;

/**
 * A server as the FlexSC evaluation drives it (§5.2-5.4): a closed loop of client requests, each served by one thread
 * that runs {@code callsPerRequest} steps of user work followed by a system call. The user instructions between calls
 * are the paper's (Table 2); everything else is an assumption stated where it is set.
 *
 * @param name                  apache, mysql or bind
 * @param userInstructionsPerCall user instructions between two calls (FlexSC Table 2)
 * @param callsPerRequest       system calls per request
 * @param netCalls              the kernel paths of the ordinary calls (all but the write-locked ones) in request order,
 *                              repeated if the request makes more calls than listed
 * @param writeLockCalls        calls per request that take the address-space rw-semaphore (mmap_sem) for write for their
 *                              whole path: memory allocation and release (FlexSC §5.2); they run Table 1's mmap+munmap path
 * @param readLockCalls         ordinary calls per request that take mmap_sem for read while copying to or from the user
 * @param readLockShare         share of such a call's cycles spent holding mmap_sem for read
 * @param appLockShare          share of a request's user work done under one application-wide mutex (0 for none)
 * @param baseUserIpc           user IPC of the server's code with every line cached and no calls
 * @param codeLines             user code lines (hot 90 % of fetches, the rest spread over 4x as many warm lines)
 * @param dataLines             shared user data lines (hot 95 % of the shared data references)
 * @param perThreadLines        private lines per thread (stack, connection state) that its requests reference
 * @param perThreadShare        share of data references going to the running thread's private lines
 * @param maxThreadsSync        most server threads under NPTL (requests beyond wait for a thread)
 * @param maxThreadsFlexsc      most user threads under FlexSC-Threads
 */
public record ServerWorkload(String name, long userInstructionsPerCall, int callsPerRequest, List<KernelPath> netCalls,
                             int writeLockCalls, int readLockCalls, double readLockShare, double appLockShare,
                             double baseUserIpc, int codeLines, int dataLines, int perThreadLines, double perThreadShare,
                             int maxThreadsSync, int maxThreadsFlexsc) {
    public ServerWorkload {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name must not be blank");
        if (userInstructionsPerCall < 1) throw bad("user_instructions_per_call", userInstructionsPerCall, ">= 1");
        if (callsPerRequest < 1 || callsPerRequest > 1000) throw bad("calls_per_request", callsPerRequest, "[1, 1000]");
        netCalls = List.copyOf(netCalls);
        if (netCalls.isEmpty()) throw bad("net_calls", netCalls, "at least one kernel path");
        if (writeLockCalls < 0 || writeLockCalls > callsPerRequest) throw bad("write_lock_calls", writeLockCalls, "[0, calls_per_request]");
        if (readLockCalls < 0 || readLockCalls + writeLockCalls > callsPerRequest) throw bad("read_lock_calls", readLockCalls, "[0, calls_per_request - write_lock_calls]");
        if (!(readLockShare >= 0 && readLockShare <= 1)) throw bad("read_lock_share", readLockShare, "[0, 1]");
        if (!(appLockShare >= 0 && appLockShare <= 1)) throw bad("app_lock_share", appLockShare, "[0, 1]");
        if (!(baseUserIpc > 0 && baseUserIpc <= 4)) throw bad("base_user_ipc", baseUserIpc, "(0, 4]");
        if (codeLines < 16) throw bad("code_lines", codeLines, ">= 16");
        if (dataLines < 16) throw bad("data_lines", dataLines, ">= 16");
        if (perThreadLines < 1) throw bad("per_thread_lines", perThreadLines, ">= 1");
        if (!(perThreadShare >= 0 && perThreadShare < 1)) throw bad("per_thread_share", perThreadShare, "[0, 1)");
        if (maxThreadsSync < 1) throw bad("max_threads_sync", maxThreadsSync, ">= 1");
        if (maxThreadsFlexsc < 1) throw bad("max_threads_flexsc", maxThreadsFlexsc, ">= 1");
    }

    private static IllegalArgumentException bad(String f, Object v, String allowed) {
        return new IllegalArgumentException(f + " = " + v + " is not allowed; allowed: " + allowed);
    }

    /**
     * Apache 2.2.15 serving a static page to ApacheBench. 3,368 user instructions per call (FlexSC Table 2). NPTL at
     * most 200 threads (the tuned optimum) and FlexSC-Threads 1,000 (FlexSC §5.2). Every request allocates and frees
     * memory, taking mmap_sem for write, and the network code's copy_user takes it for read (§5.2, Fig. 12 text): one
     * mmap+munmap (Table 1's path) per request. ASSUMPTION (not in the paper): 10 calls per request (accept, read,
     * stat, open, mmap, writev, munmap, close, log write, shutdown, with mmap+munmap as one path); 2 calls copy user
     * data holding mmap_sem for read over 30 % of their work; a network call runs 3,000 kernel instructions over 60 code
     * and 250 scattered data lines on 25 pages (between Table 1's stat and pread), every ordinary call on this one
     * path; the user code is a large server binary (600 hot code lines, 384 hot data lines, base IPC 1.0); 1 KB of
     * private state per thread takes 2 % of the data references.
     */
    public static ServerWorkload apache() {
        return new ServerWorkload("apache", 3368, 10, List.of(netPath("apache.net", 3000, 60, 250, 25)), 1, 2, 0.3, 0,
                1.0, 600, 384, 16, 0.02, 200, 1000);
    }

    /**
     * MySQL 5.5.4 with InnoDB under sysbench OLTP, database in memory, no synchronous disk writes (FlexSC §5.3): 12,435
     * user instructions per call (Table 2); one thread per connection, the same for both systems. ASSUMPTION: a
     * query makes 4 calls (receive, send and two futex calls of the coarse InnoDB locks); 15 % of a query's user work is
     * done under one application mutex (the paper blames MySQL's coarse synchronisation for the fall past 32-128
     * clients, footnote 6); a call runs 1,200 kernel instructions over 40 code and 150 data lines; base IPC 1.2 for
     * database code with 400 hot code and 384 hot data lines; 2 KB of private state per thread (connection, THD, stack) takes 3 % of
     * the data references, so many threads crowd the caches.
     */
    public static ServerWorkload mysql() {
        return new ServerWorkload("mysql", 12435, 4, List.of(netPath("mysql.net", 1200, 40, 150, 15)), 0, 0, 0, 0.15,
                1.2, 400, 384, 32, 0.03, 100_000, 100_000);
    }

    /**
     * BIND 9 under DNSbench (FlexSC §7): 2,445 user instructions per call (Table 2). ASSUMPTION: a UDP query is two
     * calls (recvfrom, sendto) of 2,500 kernel instructions over 50 code and 200 data lines; no mmap_sem writes; base
     * IPC 1.0 with 500 hot code and 384 hot data lines; 512 B of state per thread (2 % of the data references).
     */
    public static ServerWorkload bind() {
        return new ServerWorkload("bind", 2445, 2, List.of(netPath("bind.net", 2500, 50, 200, 20)), 0, 0, 0, 0,
                1.0, 500, 384, 8, 0.02, 100_000, 100_000);
    }

    public static ServerWorkload byName(String name) {
        return switch (name) {
            case "apache" -> apache();
            case "mysql" -> mysql();
            case "bind" -> bind();
            default -> throw new IllegalArgumentException("workload = " + name + " is not allowed; allowed: apache, mysql, bind");
        };
    }

    /** A kernel path built like Table 1's (code runs of 2 lines, scattered data lines), see {@link KernelPaths}. */
    static KernelPath netPath(String name, long instructions, int codeLines, int dataLines, int dtlbEntries) {
        return new KernelPath(name, instructions, KernelPaths.KERNEL_CORE_IPC, codeLines, 2, dataLines, 1, dtlbEntries,
                Math.max(1, codeLines / 8));
    }

    /** The kernel path of the request's call number {@code step} that is not write-locked. */
    public KernelPath netCall(int step) { return netCalls.get((step - writeLockCalls) % netCalls.size()); }

    /** The path of a write-locked call (Table 1's mmap+munmap). */
    public KernelPath writeLockedCall() { return KernelPaths.byName("mmap+munmap"); }

    public ServerWorkload withUserInstructionsPerCall(long n) {
        return new ServerWorkload(name, n, callsPerRequest, netCalls, writeLockCalls, readLockCalls, readLockShare, appLockShare,
                baseUserIpc, codeLines, dataLines, perThreadLines, perThreadShare, maxThreadsSync, maxThreadsFlexsc);
    }

    /**
     * The server's user code and data as a program for the memory model, with private state for {@code threads}
     * threads. Fetches: 90 % to the hot code, 10 % to 4x as many warm lines; data: the thread share to private
     * state, of the rest 95 % to the hot data, 4.5 % to 4x as many warm lines, 0.5 % to a 64 MB heap of content.
     * ASSUMPTION: 0.4 data and 0.15 fetch line references per instruction (integer server code).
     */
    public ComputeProgram program(int pageLines, int threads) {
        List<Stream> ss = new ArrayList<>();
        List<Double> sh = new ArrayList<>();
        long[] page = {0};
        add(ss, sh, page, pageLines, "hot_code", codeLines, 16, 0.9, true);
        add(ss, sh, page, pageLines, "warm_code", codeLines * 4, 64, 0.1, true);
        double rest = 1 - perThreadShare;
        add(ss, sh, page, pageLines, "hot_data", dataLines, 16, rest * 0.95, false);
        add(ss, sh, page, pageLines, "warm_data", dataLines * 4, 64, rest * 0.045, false);
        add(ss, sh, page, pageLines, "heap", 1 << 20, 64, rest * 0.005, false);
        if (perThreadShare > 0) add(ss, sh, page, pageLines, "threads", Math.max(1, threads) * perThreadLines, Math.min(perThreadLines, 16), perThreadShare, false);
        return new ComputeProgram(name, baseUserIpc, 0.4, 0.15, ss, sh);
    }

    private static void add(List<Stream> ss, List<Double> sh, long[] page, int pageLines, String n, int lines, int run,
                            double share, boolean instr) {
        int r = Math.min(run, Math.min(pageLines, lines));
        int pages = (lines + r - 1) / r;
        Region reg = new Region(page[0], lines, pages, r, pageLines);
        page[0] = reg.endPage();
        ss.add(new Stream(n, Owner.USER, reg, Stream.Pattern.RANDOM, instr));
        sh.add(share);
    }
}

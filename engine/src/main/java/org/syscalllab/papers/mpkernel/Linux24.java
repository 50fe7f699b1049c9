package org.syscalllab.papers.mpkernel;

import java.util.List;
import org.syscalllab.os.lock.LockKind;
import org.syscalllab.os.lock.LockUse;
import org.syscalllab.os.syscall.SyscallSpec;
import org.syscalllab.os.syscall.SyscallTable;

/**
 * The Linux 2.4.26 system calls that Chapter 4's benchmarks make, with their kernel paths in instructions and, for
 * SMP Linux, their critical sections. The thesis gives none of these; every count is an ASSUMPTION read off the 2.4
 * code structure, and the lock placement follows 2.4: the directory cache under the global {@code dcache_lock},
 * {@code readdir} under the big kernel lock, page faults and {@code brk} under the process's {@code mmap_sem} and
 * {@code page_table_lock}, the page cache under the global {@code pagecache_lock}.
 */
final class Linux24 {
    private Linux24() { }

    /** Instructions of the system-call entry (SAVE_ALL, dispatch) and exit (RESTORE_ALL, iret) in entry.S; ASSUMPTION. */
    static final long ENTRY_INSTRUCTIONS = 32;
    static final long EXIT_INSTRUCTIONS = 32;

    /**
     * The call table on a machine with the given kernel CPI. ASSUMPTION (instructions): getpid 10 (return
     * current->tgid; with entry and exit 74, which is what the thesis measured in Simics, Table 4.2); lstat 1,200 (one
     * dcache path step and a stat copy); getdents 2,500 (about 20 entries); open 1,500; close 300; fstat 400; fchdir
     * 300; 4 KB read or write through the page cache 2,000; brk 800; an anonymous page fault 2,000 (allocate and zero a
     * page); a LinuxThreads synchronisation call (kill or sigsuspend) 1,500; clone 10,000.
     */
    static SyscallTable table(double cpi) {
        LockUse dcache = LockUse.spin("dcache_lock", 0.2);
        LockUse bkl = LockUse.spin("bkl", 0.8);
        LockUse pagecache = LockUse.spin("pagecache_lock", 0.1);
        LockUse mmapRead = new LockUse("mmap_sem@", LockKind.RW_SEMAPHORE, false, 0.6, 1);
        LockUse mmapWrite = new LockUse("mmap_sem@", LockKind.RW_SEMAPHORE, true, 0.8, 1);
        LockUse pageTable = LockUse.spin("page_table_lock@", 0.3);
        LockUse sig = LockUse.spin("siglock@", 0.3);
        return new SyscallTable(List.of(
                SyscallSpec.cpuOnly("getpid", 10, cpi, "proc", List.of()),
                SyscallSpec.cpuOnly("lstat", 1_200, cpi, "fs", List.of(dcache)),
                SyscallSpec.cpuOnly("getdents", 2_500, cpi, "fs", List.of(bkl)),
                SyscallSpec.cpuOnly("open", 1_500, cpi, "fs", List.of(dcache, LockUse.spin("files_lock", 0.05))),
                SyscallSpec.cpuOnly("close", 300, cpi, "fs", List.of(LockUse.spin("file_table@", 0.3))),
                SyscallSpec.cpuOnly("fstat", 400, cpi, "fs", List.of()),
                SyscallSpec.cpuOnly("fchdir", 300, cpi, "fs", List.of(dcache)),
                SyscallSpec.cpuOnly("read", 2_000, cpi, "fs", List.of(pagecache)),
                SyscallSpec.cpuOnly("write", 2_000, cpi, "fs", List.of(pagecache)),
                SyscallSpec.cpuOnly("brk", 800, cpi, "mm", List.of(mmapWrite)),
                SyscallSpec.cpuOnly("pagefault", 2_000, cpi, "mm", List.of(mmapRead, pageTable)),
                SyscallSpec.cpuOnly("sync", 1_500, cpi, "proc", List.of(sig)),
                SyscallSpec.cpuOnly("clone", 10_000, cpi, "proc", List.of(mmapWrite))));
    }
}

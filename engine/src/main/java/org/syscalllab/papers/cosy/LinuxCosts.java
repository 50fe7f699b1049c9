package org.syscalllab.papers.cosy;

/**
 * Kernel work of the Linux 2.4.20 calls the Cosy workloads use, in cycles on the 1.7 GHz Pentium 4, excluding the
 * crossing and the boundary copy (priced by the {@link Testbed}). The paper gives no per-call cost, so each value is
 * an ASSUMPTION estimated from the code path (instructions times a kernel CPI of about 2 on the P4); all are editable.
 *
 * @param getpid         {@code sys_getpid}: return {@code current->tgid}. ASSUMPTION 40.
 * @param lseek          {@code sys_lseek}: fget/fput and {@code generic_file_llseek}. ASSUMPTION 200.
 * @param readBase       {@code sys_read} of cached data, per call: fget, {@code generic_file_read} set-up, atime
 *                       update. ASSUMPTION 700.
 * @param readPerPage    per page touched: page-cache hash lookup, {@code mark_page_accessed}, kmap. ASSUMPTION 250.
 * @param writeBase      {@code sys_write} per call: fget, {@code i_sem}, permission and limit checks, mtime.
 *                       ASSUMPTION 900.
 * @param writePerPage   per page: {@code __grab_cache_page}, {@code prepare_write}/{@code commit_write} on a mapped
 *                       block, mark dirty. ASSUMPTION 700.
 * @param blockAlloc     per newly allocated ext2 block when a write extends a file: bitmap search, inode block map
 *                       update. ASSUMPTION 1500.
 * @param pageMiss       CPU cost of a page-cache miss: allocate and insert a page, build and submit the request,
 *                       sleep and wake-up. ASSUMPTION 2000.
 * @param open           {@code sys_open} of a file with a warm dentry cache: path walk, {@code get_empty_filp},
 *                       {@code dentry_open}, fd install. ASSUMPTION 2500.
 * @param close          {@code sys_close}: fput, release. ASSUMPTION 400.
 * @param statBase       {@code sys_lstat64} with a warm dentry: path walk and {@code cp_new_stat64}. ASSUMPTION 1500.
 * @param lookupCold     extra work when the dentry and inode are not cached: {@code d_alloc}, {@code ext2_lookup},
 *                       {@code iget}/{@code ext2_read_inode} from the buffer cache. ASSUMPTION 3000.
 * @param dirEntryScan   per directory entry compared while {@code ext2_find_entry} scans a directory page; a lookup
 *                       scans half a page on average, as lookups in readdir order resume where the last one ended.
 *                       ASSUMPTION 12.
 * @param getdentsBase   {@code sys_getdents64} per call. ASSUMPTION 600.
 * @param getdentsEntry  per entry returned ({@code filldir64}). ASSUMPTION 80.
 * @param statBytes      bytes of the stat structure copied to the user [paper §3: 64 bytes]
 * @param direntBytes    bytes of one {@code linux_dirent64} for a short name. ASSUMPTION 32.
 * @param inodeBytes     bytes of one ext2 inode. ASSUMPTION 128 (ext2's default inode size).
 */
public record LinuxCosts(long getpid, long lseek, long readBase, long readPerPage, long writeBase, long writePerPage,
                         long blockAlloc, long pageMiss, long open, long close, long statBase, long lookupCold,
                         long dirEntryScan, long getdentsBase, long getdentsEntry, int statBytes, int direntBytes,
                         int inodeBytes) {

    public LinuxCosts {
        long[] all = {getpid, lseek, readBase, readPerPage, writeBase, writePerPage, blockAlloc, pageMiss, open, close,
                statBase, lookupCold, dirEntryScan, getdentsBase, getdentsEntry};
        for (long v : all) if (v < 0) throw new IllegalArgumentException("a Linux call cost is negative: " + v + "; allowed: >= 0");
        if (statBytes < 1 || direntBytes < 1 || inodeBytes < 1) {
            throw new IllegalArgumentException("stat_bytes, dirent_bytes and inode_bytes must be >= 1");
        }
    }

    public static LinuxCosts linux2420() {
        return new LinuxCosts(40, 200, 700, 250, 900, 700, 1500, 2000, 2500, 400, 1500, 3000, 12, 600, 80, 64, 32, 128);
    }
}

package org.syscalllab.papers.cosy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.mech.CosyCallResult;
import org.syscalllab.mech.CosyServices;

/**
 * Linux 2.4.20 on the Cosy testbed, as far as the paper's workloads reach: files on an ext2 partition laid out
 * contiguously, one directory, the page cache with writeback ({@link PageCache}) over the disk ({@link Disk}), the
 * dentry/inode cache, and the calls getpid, open, close, lseek, read, write, stat and getdents. It keeps the process's
 * clock: every call advances it by its own work and by any wait for the disk, and callers report the rest
 * (crossings, decoding, copies, user code) through {@link #elapse}.
 *
 * <p>Zero-copy follows the paper (§2.5, §3): a read into the shared buffer skips {@code copy_to_user} and remembers
 * the page-cache page that holds the data; a later write from that buffer takes its data from that page, so the only
 * copy left is the in-kernel one into the destination page, and none when the destination is that same page (data
 * written back in place); {@code cosy_stat} and getdents fill the shared buffer directly. A write of data the program
 * produced itself must still copy it into the page cache, zero-copy or not.
 *
 * <p>Not thread-safe: one instance is one simulated machine.
 */
final class LinuxModel implements CosyServices {
    /** A user-supplied function: what it returns and costs for given arguments. */
    @FunctionalInterface
    interface UserFunction {
        CosyCallResult run(long[] args);
    }

    static final int SEEK_SET = 0, SEEK_CUR = 1, SEEK_END = 2;
    private static final int ENOENT = 2, EBADF = 9;
    private static final long DEVICE = 0;                   // key prefix of block-device pages (metadata)
    private static final long KEY_SHIFT = 32;

    private final Testbed testbed;
    private final LinuxCosts costs;
    private final Disk disk;
    private final PageCache cache;
    private final int readaheadPages;

    private final List<long[]> files = new ArrayList<>();  // per file id: {size, firstBlock, inode, blocksAllocated}
    private final Map<Integer, long[]> fds = new HashMap<>();   // fd -> {fileId, pos, nextSequentialPage}
    private boolean[] dcached = new boolean[16];
    private final Map<String, UserFunction> functions = new HashMap<>();
    private int nextFd = 3;
    private long nextBlock;
    private final long inodeTableBlock;
    private int nextInode = 12;
    private int dirFile = -1;
    private long savedPage = -1;                              // zero-copy: page whose copy_to_user was skipped

    private long now;
    private long ioWait;

    /**
     * @param testbed            the machine
     * @param costs              kernel work per call
     * @param readaheadPages     pages read per disk request when a file is read sequentially (Linux 2.4's
     *                           {@code vm_max_readahead})
     * @param backgroundFraction dirty fraction at which bdflush starts writing
     * @param syncFraction       dirty fraction above which writers wait
     * @param stopFraction       dirty fraction at which bdflush stops
     */
    LinuxModel(Testbed testbed, LinuxCosts costs, int readaheadPages, double backgroundFraction, double syncFraction,
               double stopFraction) {
        if (readaheadPages < 1) throw new IllegalArgumentException("readahead_pages = " + readaheadPages + " is not allowed; allowed: >= 1");
        this.testbed = testbed;
        this.costs = costs;
        this.disk = new Disk(testbed.disk(), testbed.clockHz());
        this.cache = new PageCache(testbed.pageCachePages(), testbed.ramMb() * 1024 * 1024 / Testbed.BLOCK_BYTES, backgroundFraction, syncFraction, stopFraction, disk);
        this.readaheadPages = readaheadPages;
        // ASSUMPTION: the inode table sits at the start of the partition, data after it
        this.inodeTableBlock = 64;
        this.nextBlock = 64 + 8192;
    }

    static LinuxModel of(Workloads.Os os) {
        return new LinuxModel(os.testbed(), os.costs(), os.readaheadPages(), os.dirtyBackground(), os.dirtySync(), os.dirtyStop());
    }

    // ---- set-up (not timed) ----------------------------------------------------------------------------------

    /** Creates a file of {@code bytes} bytes, contiguous on disk; returns its id (its path argument). */
    int createFile(long bytes) {
        long blocks = (bytes + Testbed.BLOCK_BYTES - 1) / Testbed.BLOCK_BYTES;
        int id = files.size();
        files.add(new long[] {bytes, nextBlock, nextInode++, blocks});
        nextBlock += Math.max(blocks, 1);
        ensureDcache(id);
        dcached[id] = true;                 // a file just created has its dentry and inode cached
        return id;
    }

    /** Creates one directory holding {@code n} empty files (their ids are consecutive); returns the first file id. */
    int createDirectory(int n) {
        long dirBytes = (long) n * costs.direntBytes();
        dirFile = createFile(dirBytes);
        int first = files.size();
        for (int i = 0; i < n; i++) createFile(0);
        return first;
    }

    /** Puts a file's pages in the page cache, as if it had just been read (clean). */
    void warm(int file) {
        long[] f = files.get(file);
        long pages = pages(f[0]);
        for (long p = 0; p < pages; p++) {
            long key = key(file, p);
            if (!cache.contains(key)) now = cache.insert(now, key, f[1] + p);
        }
        dcached[file] = true;
    }

    /** Lets the flusher finish: every dirty page is written back (time passes, nobody is charged). */
    void settle() {
        now = cache.sync(now);
    }

    /** Unmounts and remounts: writes back dirty pages, then empties the page, dentry and inode caches. */
    void remount() {
        now = cache.sync(now);
        cache.clear();
        java.util.Arrays.fill(dcached, false);
    }

    void register(String name, UserFunction f) { functions.put(name, f); }

    long fileSize(int file) { return files.get(file)[0]; }

    /** The file position of an open descriptor (-1 if it is not open). */
    long position(int fd) {
        long[] d = fds.get(fd);
        return d == null ? -1 : d[1];
    }

    // ---- the clock ---------------------------------------------------------------------------------------------

    long now() { return now; }

    long ioWait() { return ioWait; }

    PageCache cache() { return cache; }

    Disk disk() { return disk; }

    Testbed testbed() { return testbed; }

    @Override
    public void elapse(long cycles) {
        if (cycles < 0) throw new IllegalArgumentException("cycles = " + cycles + " is not allowed; allowed: >= 0");
        now += cycles;
    }

    /** Waits until {@code t} (an I/O completion); returns the cycles waited. */
    private long waitUntil(long t) {
        if (t <= now) return 0;
        long w = t - now;
        now = t;
        ioWait += w;
        return w;
    }

    // ---- system calls ------------------------------------------------------------------------------------------

    @Override
    public CosyCallResult syscall(String call, long[] a, boolean zeroCopy) {
        // every benchmark loop, vanilla or inside a compound, passes through here: honour Jupyter's interrupt button
        RunContext.checkInterrupted();
        cache.retire(now);
        switch (call) {
            case "getpid": return work(100, costs.getpid());
            case "open": return open((int) a[0]);
            case "close": return close((int) a[0]);
            case "lseek": return lseek((int) a[0], a[1], (int) a[2]);
            case "read": return read((int) a[0], a[2], zeroCopy);
            case "write": return write((int) a[0], a[2], zeroCopy);
            case "stat": return stat((int) a[0], zeroCopy);
            case "getdents": return getdents((int) a[0], a[2], zeroCopy);
            default: throw new IllegalArgumentException("call '" + call + "' is not modelled; modelled: getpid, open, close, lseek, read, write, stat, getdents");
        }
    }

    @Override
    public CosyCallResult userFunction(String function, long[] args) {
        RunContext.checkInterrupted();
        UserFunction f = functions.get(function);
        if (f == null) throw new IllegalArgumentException("no user function '" + function + "'; registered: " + functions.keySet());
        CosyCallResult r = f.run(args);
        now += r.workCycles();
        return r;
    }

    private CosyCallResult work(long value, long cycles) {
        now += cycles;
        return CosyCallResult.of(value, cycles);
    }

    private CosyCallResult open(int file) {
        if (file < 0 || file >= files.size()) return work(-ENOENT, costs.open());
        long w = costs.open();
        now += w;
        long io = 0;
        if (!dcached[file]) {
            long before = ioWait;
            w += lookupCold(file);
            io = ioWait - before;
        }
        int fd = nextFd++;
        fds.put(fd, new long[] {file, 0, -1});
        return new CosyCallResult(fd, w, 0, 0, io);
    }

    private CosyCallResult close(int fd) {
        if (fds.remove(fd) == null) return work(-EBADF, costs.close());
        return work(0, costs.close());
    }

    private CosyCallResult lseek(int fd, long off, int whence) {
        long[] d = fds.get(fd);
        if (d == null) return work(-EBADF, costs.lseek());
        long base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? d[1] : files.get((int) d[0])[0];
        long pos = base + off;
        if (pos < 0) return work(-22, costs.lseek());      // EINVAL
        d[1] = pos;
        return work(pos, costs.lseek());
    }

    private CosyCallResult read(int fd, long len, boolean zeroCopy) {
        long[] d = fds.get(fd);
        if (d == null) return work(-EBADF, costs.readBase());
        int file = (int) d[0];
        long[] f = files.get(file);
        long n = Math.max(0, Math.min(len, f[0] - d[1]));
        long w = costs.readBase();
        now += w;
        long before = ioWait;
        if (n > 0) {
            long first = d[1] / Testbed.BLOCK_BYTES, last = (d[1] + n - 1) / Testbed.BLOCK_BYTES;
            for (long p = first; p <= last; p++) {
                w += costs.readPerPage();
                now += costs.readPerPage();
                if (cache.lookup(key(file, p)) == null) {
                    w += costs.pageMiss();
                    now += costs.pageMiss();
                    boolean sequential = p == d[2];
                    long count = sequential ? Math.min(readaheadPages, pages(f[0]) - p) : 1;
                    fetch(file, p, count);
                }
                savedPage = key(file, p);
            }
            d[2] = last + 1;
            d[1] += n;
        }
        if (!zeroCopy) savedPage = -1;
        return new CosyCallResult(n, w, zeroCopy ? 0 : n, zeroCopy ? n : 0, ioWait - before);
    }

    /** Reads {@code count} pages of a file from disk into the cache (one request), waiting for it. */
    private void fetch(int file, long page, long count) {
        long[] f = files.get(file);
        long c = 0;
        while (c < count && !cache.contains(key(file, page + c))) c++;
        c = Math.max(1, c);
        long done = disk.submit(now, f[1] + page, c);
        for (long i = 0; i < c; i++) now = Math.max(now, cache.insert(now, key(file, page + i), f[1] + page + i));
        waitUntil(done);
    }

    private CosyCallResult write(int fd, long len, boolean zeroCopy) {
        long[] d = fds.get(fd);
        if (d == null) return work(-EBADF, costs.writeBase());
        int file = (int) d[0];
        long[] f = files.get(file);
        long n = Math.max(0, len);
        long w = costs.writeBase();
        now += w;
        long before = ioWait;
        boolean sameAsSaved = false;
        if (n > 0) {
            long first = d[1] / Testbed.BLOCK_BYTES, last = (d[1] + n - 1) / Testbed.BLOCK_BYTES;
            for (long p = first; p <= last; p++) {
                w += costs.writePerPage();
                now += costs.writePerPage();
                long k = key(file, p);
                if (k == savedPage && zeroCopy) sameAsSaved = true;
                PageCache.Page page = cache.lookup(k);
                if (page == null) {
                    boolean partial = (p == first && d[1] % Testbed.BLOCK_BYTES != 0)
                            || (p == last && (d[1] + n) % Testbed.BLOCK_BYTES != 0 && (d[1] + n) < f[0]);
                    if (p < f[3] && partial) {
                        w += costs.pageMiss();
                        now += costs.pageMiss();
                        fetch(file, p, 1);
                    } else {
                        if (p >= f[3]) {
                            w += costs.blockAlloc();
                            now += costs.blockAlloc();
                            f[3] = p + 1;
                        }
                        now = Math.max(now, waitFor(cache.insert(now, k, f[1] + p)));
                    }
                    page = cache.lookup(k);
                }
                waitFor(cache.markDirty(now, page));
            }
            d[1] += n;
            if (d[1] > f[0]) f[0] = d[1];
        }
        long copyBytes = n, avoided = 0;
        long source = savedPage;
        savedPage = -1;                     // the stored page address feeds one copy_from_user
        if (zeroCopy && source >= 0) {
            // copy_from_user is fed the saved page: the user-space copy is gone; an in-kernel copy remains unless the
            // data goes back to the very page it came from
            avoided = n;
            copyBytes = 0;
            if (!sameAsSaved) {
                long inKernel = testbed.copyCycles(n);
                w += inKernel;
                now += inKernel;
            }
        }
        return new CosyCallResult(n, w, copyBytes, avoided, ioWait - before);
    }

    private long waitFor(long t) {
        waitUntil(t);
        return now;
    }

    private CosyCallResult stat(int file, boolean zeroCopy) {
        if (file < 0 || file >= files.size()) return work(-ENOENT, costs.statBase());
        long w = costs.statBase();
        now += w;
        long before = ioWait;
        if (!dcached[file]) w += lookupCold(file);
        int bytes = costs.statBytes();
        return new CosyCallResult(0, w, zeroCopy ? 0 : bytes, zeroCopy ? bytes : 0, ioWait - before);
    }

    /** A dentry/inode cache miss: scan the directory page and read the inode (its inode-table block may be on disk). */
    private long lookupCold(int file) {
        long entriesPerPage = Testbed.BLOCK_BYTES / costs.direntBytes();
        long w = costs.lookupCold() + entriesPerPage / 2 * costs.dirEntryScan();
        now += w;
        if (dirFile >= 0 && file > dirFile) {
            long page = (file - dirFile - 1) / entriesPerPage;
            if (cache.lookup(key(dirFile, page)) == null) {
                w += costs.pageMiss();
                now += costs.pageMiss();
                fetch(dirFile, page, 1);
            }
        }
        long ino = files.get(file)[2];
        long block = inodeTableBlock + ino / (Testbed.BLOCK_BYTES / costs.inodeBytes());
        long k = (DEVICE << KEY_SHIFT) | block;
        if (cache.lookup(k) == null) {
            // ext2_read_inode uses bread: one synchronous block read, no readahead
            w += costs.pageMiss();
            now += costs.pageMiss();
            long done = disk.submit(now, block, 1);
            now = Math.max(now, cache.insert(now, k, block));
            waitUntil(done);
        }
        dcached[file] = true;
        return w;
    }

    private CosyCallResult getdents(int fd, long len, boolean zeroCopy) {
        long[] d = fds.get(fd);
        if (d == null) return work(-EBADF, costs.getdentsBase());
        int file = (int) d[0];
        long[] f = files.get(file);
        long w = costs.getdentsBase();
        now += w;
        long before = ioWait;
        long remaining = (f[0] - d[1]) / costs.direntBytes();
        long entries = Math.max(0, Math.min(remaining, len / costs.direntBytes()));
        if (entries > 0) {
            long first = d[1] / Testbed.BLOCK_BYTES, last = (d[1] + entries * costs.direntBytes() - 1) / Testbed.BLOCK_BYTES;
            for (long p = first; p <= last; p++) {
                if (cache.lookup(key(file, p)) == null) {
                    w += costs.pageMiss();
                    now += costs.pageMiss();
                    fetch(file, p, 1);
                }
            }
            w += entries * costs.getdentsEntry();
            now += entries * costs.getdentsEntry();
            d[1] += entries * costs.direntBytes();
        }
        long bytes = entries * costs.direntBytes();
        return new CosyCallResult(bytes, w, zeroCopy ? 0 : bytes, zeroCopy ? bytes : 0, ioWait - before);
    }

    /** Truncates a file to zero length (creat/O_TRUNC): its pages, dirty or not, are dropped. */
    void truncate(int file) {
        savedPage = -1;
        long[] f = files.get(file);
        f[0] = 0;
        f[3] = 0;
        cache.dropFile((long) (file + 1) << KEY_SHIFT, ~((1L << KEY_SHIFT) - 1));
    }

    private void ensureDcache(int id) {
        if (id >= dcached.length) dcached = java.util.Arrays.copyOf(dcached, Math.max(id + 1, dcached.length * 2));
    }

    private static long pages(long bytes) { return (bytes + Testbed.BLOCK_BYTES - 1) / Testbed.BLOCK_BYTES; }

    private static long key(int file, long page) { return ((long) (file + 1) << KEY_SHIFT) | page; }
}

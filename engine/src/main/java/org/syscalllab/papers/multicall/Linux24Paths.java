package org.syscalllab.papers.multicall;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Instructions the Linux 2.4 kernel executes for each call's own work (the handler, excluding entry and exit and the
 * byte copies, which are priced separately), as a base per call plus an amount per 4 KB page the call moves. The paper
 * measures none of these; every value is an ASSUMPTION of the order of magnitude of the 2.4 code paths, fixed before
 * any result was compared with the paper, and editable.
 */
public final class Linux24Paths {
    /** One call's path length. */
    public record Path(long baseInstructions, long perPageInstructions) {
        public Path {
            if (baseInstructions < 0) throw new IllegalArgumentException("base_instructions = " + baseInstructions + " is not allowed; allowed: >= 0");
            if (perPageInstructions < 0) throw new IllegalArgumentException("per_page_instructions = " + perPageInstructions + " is not allowed; allowed: >= 0");
        }
    }

    /** Page size of Linux/x86 (MC §4.3: "4096, which is the page size on Linux"). */
    public static final long PAGE_BYTES = 4096;

    private final Map<String, Path> paths;
    private final Path fallback;

    public Linux24Paths(Map<String, Path> paths, Path fallback) {
        this.paths = Map.copyOf(paths);
        this.fallback = fallback;
    }

    /**
     * Defaults (all ASSUMPTION):
     * read: sys_read, fget, generic_file_read set-up and atime update ~700; per page find_get_page, page reference,
     * mark_page_accessed and the copy actor set-up ~450.
     * write: sys_write, i_sem, generic_file_write set-up, mtime and inode dirtying ~1,000; per page grab_cache_page,
     * ext2 prepare_write with block allocation (1 KB blocks, 4 per page) and commit_write dirtying ~1,400.
     * open ~2,500 (path walk of a short name, file allocation); creat ~9,000 (ext2 inode and directory entry
     * allocation); close ~300; select on one descriptor ~900; gettimeofday ~150; sendto ~2,000 + 500 per page
     * (UDP); getpid ~40; the paper's dummy jump_cost ~10 (one rdtscl).
     */
    public static Linux24Paths linux24() {
        Map<String, Path> m = new LinkedHashMap<>();
        m.put("read", new Path(700, 450));
        m.put("write", new Path(1_000, 1_400));
        m.put("open", new Path(2_500, 0));
        m.put("creat", new Path(9_000, 0));
        m.put("close", new Path(300, 0));
        m.put("select", new Path(900, 0));
        m.put("gettimeofday", new Path(150, 0));
        m.put("sendto", new Path(2_000, 500));
        m.put("getpid", new Path(40, 0));
        m.put("jump_cost", new Path(10, 0));
        return new Linux24Paths(m, new Path(500, 0));
    }

    /** A copy with one call's path changed. */
    public Linux24Paths with(String call, Path p) {
        Map<String, Path> m = new LinkedHashMap<>(paths);
        m.put(call, p);
        return new Linux24Paths(m, fallback);
    }

    public Path path(String call) { return paths.getOrDefault(call, fallback); }

    /** Instructions of a call that moved {@code bytes}: base plus a share per page touched. */
    public long instructions(String call, long bytes) {
        Path p = path(call);
        long pages = (bytes + PAGE_BYTES - 1) / PAGE_BYTES;
        return p.baseInstructions() + p.perPageInstructions() * pages;
    }
}

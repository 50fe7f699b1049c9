package org.syscalllab.papers.cosy;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;

/**
 * Linux 2.4's page cache as the Cosy workloads need it: LRU pages of files and of the block device (inode-table and
 * directory blocks), dirty pages written back by a bdflush-like flusher, and writers throttled when too much of memory
 * is dirty. Writeback starts when dirty pages exceed {@code backgroundFraction} of the cache and stops at
 * {@code stopFraction}; above {@code syncFraction} the writing process itself waits for the disk, and a process that
 * needs a page when every old page is dirty waits for it to be cleaned (the "page flushing" the paper blames for
 * Bonnie's collapse). As in 2.4's {@code balance_dirty_state}, the fractions are of all memory pages, not of the
 * cache. Time is the caller's cycle clock. A compact model of this package: {@code os.device.PageCache} caches
 * writes but leaves dirty pages and writeback out, which Bonnie's collapse depends on.
 */
final class PageCache {
    /** One cached page. */
    static final class Page {
        final long key;
        final long block;
        boolean dirty;
        long cleanAt = -1;          // completion time of a scheduled writeback, -1 if none
        Page older, newer;          // the LRU list, eldest at the head

        Page(long key, long block) {
            this.key = key;
            this.block = block;
        }
    }

    private final long capacity;
    private final long memoryPages;
    private final double backgroundFraction, syncFraction, stopFraction;
    private final Disk disk;
    private final java.util.HashMap<Long, Page> index = new java.util.HashMap<>(1 << 12);
    private Page eldest, newest;
    private final LinkedHashMap<Long, Page> dirtyOrder = new LinkedHashMap<>();   // dirtied order, not yet scheduled
    private final ArrayDeque<Page> inFlight = new ArrayDeque<>();
    private long dirty;          // dirty pages, including scheduled ones not yet written
    private long hits, misses, writtenBack;

    PageCache(long capacityPages, long memoryPages, double backgroundFraction, double syncFraction, double stopFraction, Disk disk) {
        if (capacityPages < 16) throw new IllegalArgumentException("page cache capacity = " + capacityPages + " pages is not allowed; allowed: >= 16");
        if (!(stopFraction < backgroundFraction && backgroundFraction <= syncFraction && syncFraction <= 1)) {
            throw new IllegalArgumentException("dirty thresholds must satisfy stop < background <= sync <= 1: " + stopFraction + ", "
                    + backgroundFraction + ", " + syncFraction);
        }
        if (memoryPages < 1) throw new IllegalArgumentException("memory pages = " + memoryPages + " is not allowed; allowed: >= 1");
        this.capacity = capacityPages;
        this.memoryPages = memoryPages;
        this.backgroundFraction = backgroundFraction;
        this.syncFraction = syncFraction;
        this.stopFraction = stopFraction;
        this.disk = disk;
    }

    private void unlink(Page p) {
        if (p.older != null) p.older.newer = p.newer;
        else eldest = p.newer;
        if (p.newer != null) p.newer.older = p.older;
        else newest = p.older;
        p.older = p.newer = null;
    }

    private void append(Page p) {
        p.older = newest;
        p.newer = null;
        if (newest != null) newest.newer = p;
        else eldest = p;
        newest = p;
    }

    private void removePage(Page p) {
        unlink(p);
        index.remove(p.key);
    }

    long capacity() { return capacity; }

    long size() { return index.size(); }

    long dirtyPages() { return dirty; }

    long hits() { return hits; }

    long misses() { return misses; }

    long writtenBack() { return writtenBack; }

    /** Completes writebacks finished by {@code now}. */
    void retire(long now) {
        while (!inFlight.isEmpty() && inFlight.peekFirst().cleanAt <= now) {
            Page p = inFlight.pollFirst();
            p.cleanAt = -1;
            if (p.dirty) {
                p.dirty = false;
                dirty--;
                writtenBack++;
            }
        }
    }

    /** The page if cached (and marks it recently used). */
    Page lookup(long key) {
        Page p = index.get(key);
        if (p != null) {
            hits++;
            if (p != newest) {
                unlink(p);
                append(p);
            }
        } else {
            misses++;
        }
        return p;
    }

    boolean contains(long key) { return index.containsKey(key); }

    /**
     * Inserts a page, evicting old ones as needed; returns the cycle at which the caller can go on (later than
     * {@code now} if it had to wait for dirty pages to be written).
     */
    long insert(long now, long key, long block) {
        long t = makeRoom(now, 1);
        Page p = new Page(key, block);
        Page old = index.put(key, p);
        if (old != null) unlink(old);
        append(p);
        return t;
    }

    /** Marks a cached page dirty; returns when the writer may continue (throttled above the sync threshold). */
    long markDirty(long now, Page p) {
        if (!p.dirty) {
            p.dirty = true;
            dirty++;
            dirtyOrder.put(p.key, p);
        } else if (p.cleanAt >= 0) {
            // re-dirtied while its writeback is in flight: written again later
            dirtyOrder.put(p.key, p);
        }
        long t = now;
        // bdflush wakes when too much is dirty and the disk has finished its previous batch
        if (dirty > backgroundFraction * memoryPages && (inFlight.isEmpty() || inFlight.peekLast().cleanAt <= t)) {
            startWriteback(t, (long) (dirty - stopFraction * memoryPages));
        }
        // above the sync threshold the writer itself waits for pages to be cleaned
        while (dirty > syncFraction * memoryPages) {
            if (inFlight.isEmpty()) startWriteback(t, (long) (dirty - stopFraction * memoryPages));
            if (inFlight.isEmpty()) break;
            t = Math.max(t, inFlight.peekFirst().cleanAt);
            retire(t);
        }
        return t;
    }

    /** Drops every page of a file (truncation or unlink); dirty pages are discarded. */
    void dropFile(long keyPrefix, long keyMask) {
        Page p = eldest;
        while (p != null) {
            Page next = p.newer;
            if ((p.key & keyMask) == keyPrefix) {
                if (p.dirty) {
                    dirty--;
                    dirtyOrder.remove(p.key);
                    p.dirty = false;
                }
                removePage(p);
            }
            p = next;
        }
    }

    /** Drops everything (an unmount); dirty pages must have been written first. */
    void clear() {
        index.clear();
        eldest = newest = null;
        dirtyOrder.clear();
        inFlight.clear();
        dirty = 0;
    }

    /** Writes back every dirty page and returns when the disk has finished. */
    long sync(long now) {
        startWriteback(now, Long.MAX_VALUE);
        long t = now;
        if (!inFlight.isEmpty()) t = Math.max(t, inFlight.peekLast().cleanAt);
        retire(t);
        return t;
    }

    private long makeRoom(long now, int pages) {
        long t = now;
        retire(t);
        while (index.size() + pages > capacity) {
            // the kernel scans from the cold end for a clean page; it looks at a bounded window before it must wait
            Page victim = null;
            Page p = eldest;
            for (int scanned = 0; p != null && scanned < 64; scanned++, p = p.newer) {
                if (!p.dirty) {
                    victim = p;
                    break;
                }
            }
            if (victim == null) {
                Page oldest = eldest;
                if (oldest.cleanAt < 0) startWriteback(t, Math.max(1, (long) (dirty - stopFraction * memoryPages)));
                if (oldest.cleanAt >= 0) t = Math.max(t, oldest.cleanAt);
                retire(t);
                if (oldest.dirty) throw new IllegalStateException("page cache: no writeback for a dirty page at the cold end");
                victim = oldest;
            }
            removePage(victim);
        }
        return t;
    }

    /**
     * Schedules up to {@code pages} dirty pages, the oldest dirtied first; the request queue's elevator sorts the batch
     * by block and merges neighbours into one request.
     */
    private void startWriteback(long now, long pages) {
        if (pages <= 0 || dirtyOrder.isEmpty()) return;
        Iterator<Page> it = dirtyOrder.values().iterator();
        java.util.List<Page> batch = new java.util.ArrayList<>();
        while (it.hasNext() && batch.size() < pages) {
            batch.add(it.next());
            it.remove();
        }
        batch.sort(java.util.Comparator.comparingLong(p -> p.block));
        java.util.List<Page> run = new java.util.ArrayList<>();
        long runStart = -1, runLen = 0;
        for (Page p : batch) {
            if (runLen > 0 && p.block != runStart + runLen) {
                flushRun(now, runStart, runLen, run);
                runLen = 0;
            }
            if (runLen == 0) runStart = p.block;
            runLen++;
            run.add(p);
        }
        if (runLen > 0) flushRun(now, runStart, runLen, run);
    }

    private void flushRun(long now, long start, long len, java.util.List<Page> run) {
        long done = disk.submit(now, start, len);
        for (Page p : run) {
            p.cleanAt = done;
            inFlight.addLast(p);
        }
        run.clear();
    }
}

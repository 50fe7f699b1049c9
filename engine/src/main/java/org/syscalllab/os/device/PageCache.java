package org.syscalllab.os.device;

import java.util.LinkedHashMap;
import java.util.Map;
import org.syscalllab.sim.Simulation;

/**
 * A page cache in front of a backing device: an LRU set of page numbers. A read of a cached page completes at once
 * (no I/O); a miss reads the page from the backing device and caches it. Writes are cached (write-back is left to
 * whoever models flushing).
 */
public final class PageCache implements Device {
    private final String name;
    private final Device backing;
    private final int capacityPages;
    private final int pageBytes;
    private final LinkedHashMap<Long, Boolean> lru;
    private long hits, misses, completed;

    public PageCache(String name, Device backing, int capacityPages, int pageBytes) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("device name must not be blank");
        if (backing == null) throw new IllegalArgumentException("backing device is required");
        if (capacityPages < 1) throw new IllegalArgumentException("capacity_pages = " + capacityPages + " is not allowed; allowed: >= 1");
        if (pageBytes < 1) throw new IllegalArgumentException("page_bytes = " + pageBytes + " is not allowed; allowed: >= 1");
        this.name = name;
        this.backing = backing;
        this.capacityPages = capacityPages;
        this.pageBytes = pageBytes;
        this.lru = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, Boolean> e) { return size() > PageCache.this.capacityPages; }
        };
    }

    @Override
    public String name() { return name; }

    /** Whether the page is cached (without touching LRU order). */
    public boolean contains(long page) { return lru.containsKey(page); }

    /** Reads {@code bytes} at page {@code block}: a hit completes now, a miss goes to the backing device. */
    @Override
    public void submit(Simulation sim, long block, long bytes, Runnable done) {
        if (lru.get(block) != null) {
            hits++;
            completed++;
            sim.schedule(0, x -> done.run());
            return;
        }
        misses++;
        backing.submit(sim, block, Math.max(bytes, pageBytes), () -> {
            lru.put(block, Boolean.TRUE);
            completed++;
            done.run();
        });
    }

    /** Puts a page in the cache without I/O (a write, or pre-warming). */
    public void insert(long page) { lru.put(page, Boolean.TRUE); }

    public long hits() { return hits; }

    public long misses() { return misses; }

    @Override
    public long completed() { return completed; }

    @Override
    public long busyCycles() { return backing.busyCycles(); }
}

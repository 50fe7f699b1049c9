package org.syscalllab.os.lock;

/**
 * One critical section of a kernel path: the lock taken, how, and the share of the path's cycles spent holding it.
 *
 * @param lock     the lock's name; a name ending in {@code #} gets an object index appended (see {@code objects})
 * @param kind     spin, mutex or reader/writer semaphore
 * @param write    for reader/writer semaphores: whether it is taken for writing
 * @param fraction share of the path's cycles inside this section, in (0, 1]
 * @param objects  for per-object locks (name ending in {@code #}): how many objects the call picks one from, uniformly;
 *                 1 for a single lock
 */
public record LockUse(String lock, LockKind kind, boolean write, double fraction, int objects) {
    public LockUse {
        if (lock == null || lock.isBlank()) throw new IllegalArgumentException("lock must not be blank");
        if (kind == null) throw new IllegalArgumentException("kind must not be null");
        if (!(fraction > 0 && fraction <= 1)) throw new IllegalArgumentException("fraction = " + fraction + " is not allowed; allowed: (0, 1]");
        if (objects < 1) throw new IllegalArgumentException("objects = " + objects + " is not allowed; allowed: >= 1");
    }

    /** An exclusive spin lock held for a share of the path. */
    public static LockUse spin(String lock, double fraction) { return new LockUse(lock, LockKind.SPIN, true, fraction, 1); }

    /** A per-object lock: one of {@code objects} locks named {@code lock#i}. */
    public static LockUse perObject(String lock, LockKind kind, double fraction, int objects) {
        return new LockUse(lock.endsWith("#") ? lock : lock + "#", kind, true, fraction, objects);
    }
}

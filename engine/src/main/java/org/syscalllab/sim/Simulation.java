package org.syscalllab.sim;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A discrete-event simulation: one instance owns its clock, its pending events, its random streams and its counters;
 * nothing is static. Time is a {@code long} count of cycles of the reference clock. Events fire in (time, priority,
 * sequence) order: lower priority values first, and equal (time, priority) in the order they were scheduled. The order
 * is total, so a run is deterministic whatever the heap's shape.
 *
 * <p>The pending set is a 4-ary min-heap whose keys (time, then priority and sequence packed in one {@code long}) are
 * stored inline in a primitive array, four siblings to a cache line, with their slots in a parallel {@code int} array;
 * a sift compares keys that share a line and never dereferences an event, and ties in time cost nothing extra.
 * Two refinements make the common "fire one event, schedule its successor" step cheap: the fired root is not removed
 * at once; if the action schedules an event, that event takes the root's place with a single sift-down (the classic
 * hold operation), otherwise the hole is filled before anything else reads the heap. Cancellation is lazy: a cancelled
 * event stays in the heap without its action and is skipped when it reaches the top; when more than half the heap is
 * cancelled events it is compacted in linear time.
 *
 * <p>A handle names a (slot, generation) pair, so cancelling a fired or already-cancelled event is a harmless no-op.
 * Every {@link #INTERRUPT_CHECK_EVERY} events the loop checks the thread's interrupt flag (Jupyter's interrupt) and
 * stops with {@link SimulationInterruptedException}; {@link #limitEvents} and {@link #limitTime} bound a run with a
 * {@link SimulationLimitException} naming the limit.
 */
public final class Simulation {
    /** An action to run when its event fires. */
    @FunctionalInterface
    public interface Action {
        void fire(Simulation sim);
    }

    /** How many events run between two checks of the thread's interrupt flag. */
    public static final int INTERRUPT_CHECK_EVERY = 4096;
    /** Priority of ordinary events; lower values fire first at equal time. */
    public static final int NORMAL = 0;
    /** The smallest and largest priority. */
    public static final int MIN_PRIORITY = -(1 << 22), MAX_PRIORITY = (1 << 22) - 1;

    private static final int SEQ_BITS = 40;
    private static final long SEQ_LIMIT = 1L << SEQ_BITS;
    private static final int COMPACT_MIN = 1024;

    private final Streams streams;
    private long now;
    private long seqCounter;
    private long eventsFired;
    private long maxEvents = Long.MAX_VALUE;
    private long maxTime = Long.MAX_VALUE;
    private boolean stopRequested;

    // Heap entry i: its key at heap[BASE + 2i] (time) and heap[BASE + 2i + 1] ((priority + 2^22) << 40 | seq), its slot
    // at slotOf[SBASE + i]. BASE = 4 puts each group of four siblings (children 4i+1..4i+4) on one 64-byte line when the
    // array's data is line-aligned (as large arrays are); SBASE = 3 keeps their four slots in one aligned 16 bytes.
    private static final int BASE = 4;
    private static final int SBASE = 3;
    private long[] heap = new long[BASE + 2 * 64];
    private int[] slotOf = new int[SBASE + 64];
    private int capacity = 64;
    private int size;          // entries in the heap, including cancelled ones and the hole
    private boolean hole;      // the root entry has fired and awaits replacement or removal
    private int dead;          // cancelled entries still in the heap

    // slots: the action of a pending event (null when cancelled or free) and a generation for handles
    private Action[] action = new Action[64];
    private int[] gen = new int[64];
    private int[] free = new int[64];
    private int freeTop;
    private int slotCount;

    public Simulation(long seed) {
        this.streams = new Streams(seed);
    }

    public long now() { return now; }

    public long eventsFired() { return eventsFired; }

    /** Events scheduled and neither fired nor cancelled. */
    public int pending() { return size - dead - (hole ? 1 : 0); }

    public Streams streams() { return streams; }

    /** The named random stream of this simulation (a new generator each call, same sequence for the same name). */
    public RandomGenerator stream(String name) { return streams.stream(name); }

    /** Stops the run with {@link SimulationLimitException} after this many events (a guard for notebooks). */
    public Simulation limitEvents(long max) {
        if (max < 1) throw new IllegalArgumentException("max_events = " + max + " is not allowed; allowed: >= 1");
        this.maxEvents = max;
        return this;
    }

    /** Stops the run with {@link SimulationLimitException} if an event is due after this time (in cycles). */
    public Simulation limitTime(long maxCycles) {
        if (maxCycles < 0) throw new IllegalArgumentException("max_cycles = " + maxCycles + " is not allowed; allowed: >= 0");
        this.maxTime = maxCycles;
        return this;
    }

    /** Schedules {@code a} after {@code delay} cycles at normal priority; returns a handle for {@link #cancel}. */
    public long schedule(long delay, Action a) {
        return scheduleAt(now + checkDelay(delay), NORMAL, a);
    }

    public long schedule(long delay, int priority, Action a) {
        return scheduleAt(now + checkDelay(delay), priority, a);
    }

    /** Schedules {@code a} at absolute time {@code t} (not before now) at normal priority. */
    public long scheduleAt(long t, Action a) {
        return scheduleAt(t, NORMAL, a);
    }

    /** Schedules {@code a} at absolute time {@code t} (not before now). Priority in [-2^22, 2^22). */
    public long scheduleAt(long t, int priority, Action a) {
        if (t < now) throw new IllegalArgumentException("time = " + t + " is not allowed; allowed: >= now = " + now);
        if (priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority = " + priority + " is not allowed; allowed: [" + MIN_PRIORITY + ", " + MAX_PRIORITY + "]");
        }
        if (a == null) throw new IllegalArgumentException("action must not be null");
        if (seqCounter >= SEQ_LIMIT) {
            throw new SimulationLimitException("more than 2^40 events scheduled in one simulation; split the run");
        }
        long o = ((long) (priority - MIN_PRIORITY) << SEQ_BITS) | seqCounter++;
        int s = allocSlot();
        action[s] = a;
        if (hole) {
            hole = false;
            siftDown(0, t, o, s);
        } else {
            int i = size++;
            if (i == capacity) grow();
            siftUp(i, t, o, s);
        }
        return ((long) gen[s] << 32) | s;
    }

    /** Cancels a pending event; returns false if it already fired or was cancelled. */
    public boolean cancel(long handle) {
        int s = (int) handle;
        if (s < 0 || s >= slotCount || gen[s] != (int) (handle >>> 32) || action[s] == null) return false;
        action[s] = null;
        gen[s]++;
        dead++;
        if (dead > COMPACT_MIN && dead > size / 2) compact();
        return true;
    }

    /** Whether the event behind a handle is still pending. */
    public boolean isPending(long handle) {
        int s = (int) handle;
        return s >= 0 && s < slotCount && gen[s] == (int) (handle >>> 32) && action[s] != null;
    }

    /** The time of the next pending event, or {@code Long.MAX_VALUE} if none. */
    public long nextEventTime() {
        settle();
        return size == 0 ? Long.MAX_VALUE : heap[BASE];
    }

    /** Asks the running loop to return after the current event. */
    public void stop() { stopRequested = true; }

    /** Runs until no event is pending or {@link #stop()} is called. */
    public void run() { runUntil(Long.MAX_VALUE); }

    /** Runs every event due at or before {@code until}; the clock then reads {@code until} if the run was not stopped. */
    public void runUntil(long until) {
        if (until < now) throw new IllegalArgumentException("until = " + until + " is not allowed; allowed: >= now = " + now);
        stopRequested = false;
        try {
            while (!stopRequested) {
                if (hole) removeRoot();
                if (size == 0) break;
                long t = heap[BASE];
                int s = slotOf[SBASE];
                Action a = action[s];
                if (a == null) { // cancelled: discard
                    dead--;
                    hole = true;
                    free[freeTop++] = s;
                    continue;
                }
                if (t > until) {
                    now = until;
                    return;
                }
                if (t > maxTime) {
                    throw new SimulationLimitException("simulated time limit reached: next event at cycle " + t
                            + " is past max_cycles = " + maxTime);
                }
                if (eventsFired >= maxEvents) throw new SimulationLimitException("event limit reached: max_events = " + maxEvents);
                action[s] = null;
                gen[s]++;
                free[freeTop++] = s;
                hole = true;
                now = t;
                if ((++eventsFired & (INTERRUPT_CHECK_EVERY - 1)) == 0 && Thread.currentThread().isInterrupted()) {
                    throw new SimulationInterruptedException("simulation interrupted at cycle " + now + " after " + eventsFired + " events");
                }
                a.fire(this);
            }
        } finally {
            settle();
        }
        if (!stopRequested && until != Long.MAX_VALUE && now < until) now = until;
    }

    private static long checkDelay(long d) {
        if (d < 0) throw new IllegalArgumentException("delay = " + d + " is not allowed; allowed: >= 0");
        return d;
    }

    private void settle() {
        if (hole) removeRoot();
    }

    private int allocSlot() {
        if (freeTop > 0) return free[--freeTop];
        if (slotCount == action.length) {
            int n = slotCount * 2;
            action = Arrays.copyOf(action, n);
            gen = Arrays.copyOf(gen, n);
            free = Arrays.copyOf(free, n);
        }
        return slotCount++;
    }

    private void grow() {
        capacity *= 2;
        heap = Arrays.copyOf(heap, BASE + 2 * capacity);
        slotOf = Arrays.copyOf(slotOf, SBASE + capacity);
    }

    /** Removes the root (the hole): the last entry moves there and sifts down. */
    private void removeRoot() {
        hole = false;
        int last = --size;
        if (last > 0) siftDown(0, heap[BASE + 2 * last], heap[BASE + 2 * last + 1], slotOf[SBASE + last]);
    }

    private void siftUp(int i, long t, long o, int s) {
        long[] h = heap;
        int[] so = slotOf;
        while (i > 0) {
            int p = (i - 1) >>> 2;
            long pt = h[BASE + 2 * p];
            if (pt < t || (pt == t && h[BASE + 2 * p + 1] < o)) break;
            h[BASE + 2 * i] = pt;
            h[BASE + 2 * i + 1] = h[BASE + 2 * p + 1];
            so[SBASE + i] = so[SBASE + p];
            i = p;
        }
        h[BASE + 2 * i] = t;
        h[BASE + 2 * i + 1] = o;
        so[SBASE + i] = s;
    }

    private void siftDown(int i, long t, long o, int s) {
        long[] h = heap;
        int[] so = slotOf;
        int n = size;
        while (true) {
            int c = (i << 2) + 1;
            if (c >= n) break;
            int m = c;
            long mt = h[BASE + 2 * c], mo = h[BASE + 2 * c + 1];
            int end = Math.min(c + 4, n);
            for (int j = c + 1; j < end; j++) {
                long jt = h[BASE + 2 * j];
                if (jt < mt || (jt == mt && h[BASE + 2 * j + 1] < mo)) {
                    m = j;
                    mt = jt;
                    mo = h[BASE + 2 * j + 1];
                }
            }
            if (mt > t || (mt == t && mo > o)) break;
            h[BASE + 2 * i] = mt;
            h[BASE + 2 * i + 1] = mo;
            so[SBASE + i] = so[SBASE + m];
            i = m;
        }
        h[BASE + 2 * i] = t;
        h[BASE + 2 * i + 1] = o;
        so[SBASE + i] = s;
    }

    /** Drops cancelled entries and rebuilds the heap bottom-up (Floyd), in linear time. */
    private void compact() {
        settle();
        int n = 0;
        long[] h = heap;
        int[] so = slotOf;
        for (int i = 0; i < size; i++) {
            int s = so[SBASE + i];
            if (action[s] == null) {
                free[freeTop++] = s;
                continue;
            }
            h[BASE + 2 * n] = h[BASE + 2 * i];
            h[BASE + 2 * n + 1] = h[BASE + 2 * i + 1];
            so[SBASE + n] = s;
            n++;
        }
        size = n;
        dead = 0;
        for (int i = (n - 2) >>> 2; n > 1 && i >= 0; i--) siftDown(i, h[BASE + 2 * i], h[BASE + 2 * i + 1], so[SBASE + i]);
    }
}

package org.syscalllab.sim;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A discrete-event simulation: one instance owns its clock, its pending events, its random streams and its counters;
 * nothing is static. Time is a {@code long} count of cycles of the reference clock. Events fire in (time, priority,
 * sequence) order: lower priority values first, and equal (time, priority) in the order they were scheduled.
 *
 * <p>The pending set is a binary heap of slot indices over primitive arrays (no object per event besides the action,
 * which callers usually reuse). A handle names a (slot, generation) pair, so cancelling a fired or already-cancelled
 * event is a harmless no-op. Every {@link #INTERRUPT_CHECK_EVERY} events the loop checks the thread's interrupt flag
 * (Jupyter's interrupt) and stops with {@link SimulationInterruptedException}.
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

    private final Streams streams;
    private long now;
    private long seqCounter;
    private long eventsFired;
    private long maxEvents = Long.MAX_VALUE;
    private long maxTime = Long.MAX_VALUE;
    private boolean stopRequested;

    // slots
    private long[] time = new long[64];
    private long[] order = new long[64];       // (priority << 40) | seq  -- see key()
    private Action[] action = new Action[64];
    private int[] gen = new int[64];
    private int[] pos = new int[64];           // index in heap, or -1
    private int freeTop;                       // free-list stack of slots
    private int[] free = new int[64];
    private int slotCount;
    // heap of slot indices
    private int[] heap = new int[64];
    private int size;

    public Simulation(long seed) {
        this.streams = new Streams(seed);
    }

    public long now() { return now; }

    public long eventsFired() { return eventsFired; }

    public int pending() { return size; }

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

    /** Schedules {@code a} at absolute time {@code t} (not before now). Priority in [-2^22, 2^22). */
    public long scheduleAt(long t, int priority, Action a) {
        if (t < now) throw new IllegalArgumentException("cannot schedule at " + t + ", before now = " + now);
        if (priority < -(1 << 22) || priority >= (1 << 22)) {
            throw new IllegalArgumentException("priority = " + priority + " is not allowed; allowed: [-4194304, 4194303]");
        }
        if (a == null) throw new IllegalArgumentException("action must not be null");
        int s = allocSlot();
        time[s] = t;
        order[s] = ((long) (priority + (1 << 22)) << 40) | (seqCounter++ & ((1L << 40) - 1));
        action[s] = a;
        int i = size++;
        if (i == heap.length) heap = Arrays.copyOf(heap, i * 2);
        siftUp(i, s);
        return ((long) gen[s] << 32) | s;
    }

    /** Cancels a pending event; returns false if it already fired or was cancelled. */
    public boolean cancel(long handle) {
        int s = (int) handle;
        int g = (int) (handle >>> 32);
        if (s < 0 || s >= slotCount || gen[s] != g || pos[s] < 0) return false;
        removeAt(pos[s]);
        releaseSlot(s);
        return true;
    }

    /** Whether the event behind a handle is still pending. */
    public boolean isPending(long handle) {
        int s = (int) handle;
        return s >= 0 && s < slotCount && gen[s] == (int) (handle >>> 32) && pos[s] >= 0;
    }

    /** Asks the running loop to return after the current event. */
    public void stop() { stopRequested = true; }

    /** Runs until no event is pending or {@link #stop()} is called. */
    public void run() { runUntil(Long.MAX_VALUE); }

    /** Runs every event due at or before {@code until}; the clock then reads {@code until} if events remain. */
    public void runUntil(long until) {
        stopRequested = false;
        while (size > 0 && !stopRequested) {
            int s = heap[0];
            long t = time[s];
            if (t > until) {
                now = until;
                return;
            }
            if (t > maxTime) throw new SimulationLimitException("simulated time limit reached: next event at cycle " + t
                    + " is past max_cycles = " + maxTime);
            if (eventsFired >= maxEvents) throw new SimulationLimitException("event limit reached: max_events = " + maxEvents);
            removeAt(0);
            Action a = action[s];
            releaseSlot(s);
            now = t;
            eventsFired++;
            if ((eventsFired & (INTERRUPT_CHECK_EVERY - 1)) == 0 && Thread.currentThread().isInterrupted()) {
                throw new SimulationInterruptedException("simulation interrupted at cycle " + now + " after " + eventsFired + " events");
            }
            a.fire(this);
        }
        if (size == 0 && until != Long.MAX_VALUE && now < until) now = until;
    }

    private static long checkDelay(long d) {
        if (d < 0) throw new IllegalArgumentException("delay = " + d + " is not allowed; allowed: >= 0");
        return d;
    }

    private int allocSlot() {
        if (freeTop > 0) {
            int s = free[--freeTop];
            return s;
        }
        if (slotCount == time.length) {
            int n = slotCount * 2;
            time = Arrays.copyOf(time, n);
            order = Arrays.copyOf(order, n);
            action = Arrays.copyOf(action, n);
            gen = Arrays.copyOf(gen, n);
            pos = Arrays.copyOf(pos, n);
            free = Arrays.copyOf(free, n);
        }
        return slotCount++;
    }

    private void releaseSlot(int s) {
        action[s] = null;
        pos[s] = -1;
        gen[s]++;
        free[freeTop++] = s;
    }

    private boolean less(int a, int b) {
        long ta = time[a], tb = time[b];
        return ta < tb || (ta == tb && order[a] < order[b]);
    }

    private void siftUp(int i, int s) {
        while (i > 0) {
            int p = (i - 1) >>> 1;
            int ps = heap[p];
            if (!less(s, ps)) break;
            heap[i] = ps;
            pos[ps] = i;
            i = p;
        }
        heap[i] = s;
        pos[s] = i;
    }

    private void siftDown(int i, int s) {
        int half = size >>> 1;
        while (i < half) {
            int c = 2 * i + 1;
            int cs = heap[c];
            int r = c + 1;
            if (r < size && less(heap[r], cs)) {
                c = r;
                cs = heap[r];
            }
            if (!less(cs, s)) break;
            heap[i] = cs;
            pos[cs] = i;
            i = c;
        }
        heap[i] = s;
        pos[s] = i;
    }

    private void removeAt(int i) {
        int last = heap[--size];
        if (i == size) return;
        int s = heap[i];
        heap[i] = last;
        pos[last] = i;
        if (i > 0 && less(last, heap[(i - 1) >>> 1])) siftUp(i, last);
        else siftDown(i, last);
        if (pos[s] == i && heap[i] != s) pos[s] = -1;
    }
}

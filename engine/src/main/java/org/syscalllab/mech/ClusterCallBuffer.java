package org.syscalllab.mech;

import java.util.Arrays;

/**
 * The communication buffer of one cluster-call client (thesis §5.3.2, Fig. 5.2): a system-call array of 1024 slots
 * (slot index = fiber id; request and reply share the slot), one LIFO request stack per worker pool holding slot
 * indices, and one FIFO reply queue holding the indices of finished calls.
 *
 * <p>A slot moves FREE → REQUESTED (on a request stack) → QUEUED (handed to the kernel by a cluster call) → DONE (its
 * index on the reply queue) → FREE (the client drained the reply). Any other transition is a bug and throws
 * {@link IllegalStateException}, which is how the invariant "every call executes once and its reply reaches the fiber
 * that made it" is enforced.
 */
public final class ClusterCallBuffer {
    /** Slots in the system-call array (and the capacity of every stack and of the reply queue). */
    public static final int SLOTS = ClusterCallPoolSpec.MAX_PENDING;
    /** Bytes per system-call array entry (thesis §5.3.2). */
    public static final int ENTRY_BYTES = 8;
    /** Bytes per reference held in a request stack or the reply queue (a 32-bit index/pointer). */
    public static final int REF_BYTES = 4;

    private static final byte FREE = 0, REQUESTED = 1, QUEUED = 2, DONE = 3;

    private final byte[] state = new byte[SLOTS];
    private final int[] call = new int[SLOTS];
    private final long[] result = new long[SLOTS];
    private final int[][] stacks;
    private final int[] top;
    private final int[] replies = new int[SLOTS];
    private int replyHead;
    private int replyCount;

    public ClusterCallBuffer(int pools) {
        if (pools < 1 || pools > 8) throw new IllegalArgumentException("pools = " + pools + " is not allowed; allowed: 1..8");
        stacks = new int[pools][SLOTS];
        top = new int[pools];
    }

    public int pools() { return stacks.length; }

    /** SCAL stores a request in the fiber's slot and pushes the slot on the destination pool's request stack. */
    public void request(int slot, int pool, int callNumber) {
        checkSlot(slot);
        if (state[slot] != FREE) throw new IllegalStateException("slot " + slot + " already holds a pending call");
        if (pool < 0 || pool >= stacks.length) throw new IllegalArgumentException("pool = " + pool + "; allowed: 0.." + (stacks.length - 1));
        state[slot] = REQUESTED;
        call[slot] = callNumber;
        stacks[pool][top[pool]++] = slot;
    }

    /** Requests waiting on a pool's stack. */
    public int stacked(int pool) { return top[pool]; }

    /** The cluster call pops a pool's stack (LIFO) into {@code out}; returns how many. The slots become QUEUED. */
    public int take(int pool, int[] out) {
        int n = top[pool];
        for (int i = 0; i < n; i++) {
            int s = stacks[pool][n - 1 - i];
            state[s] = QUEUED;
            out[i] = s;
        }
        top[pool] = 0;
        return n;
    }

    /** A worker stores a call's result in its slot and pushes the slot on the reply queue. */
    public void reply(int slot, long value) {
        checkSlot(slot);
        if (state[slot] != QUEUED) throw new IllegalStateException("slot " + slot + " replied twice or never queued (state " + state[slot] + ")");
        state[slot] = DONE;
        result[slot] = value;
        replies[(replyHead + replyCount) % SLOTS] = slot;
        replyCount++;
    }

    public int repliesWaiting() { return replyCount; }

    /** SCAL drains the reply queue (FIFO) into {@code out}; the slots become FREE; returns how many. */
    public int drain(int[] out) {
        int n = replyCount;
        for (int i = 0; i < n; i++) {
            int s = replies[(replyHead + i) % SLOTS];
            state[s] = FREE;
            out[i] = s;
        }
        replyHead = (replyHead + n) % SLOTS;
        replyCount = 0;
        return n;
    }

    public int callNumber(int slot) { return call[slot]; }

    public long result(int slot) { return result[slot]; }

    /** Slots not FREE (requested, in the kernel, or finished but not yet drained). */
    public int inUse() {
        int n = 0;
        for (byte b : state) if (b != FREE) n++;
        return n;
    }

    /** Cache line (64 B) of a slot, for the coherence model. */
    public static int slotLine(int slot) { return slot * ENTRY_BYTES / 64; }

    /** Cache line (64 B) of a reply-queue position. */
    public static int replyLine(int position) { return (position % SLOTS) * REF_BYTES / 64; }

    /** Total replies pushed so far modulo the ring (the position the next reply takes). */
    public int nextReplyPosition() { return (replyHead + replyCount) % SLOTS; }

    private static void checkSlot(int slot) {
        if (slot < 0 || slot >= SLOTS) throw new IllegalArgumentException("slot = " + slot + " is not allowed; allowed: 0.." + (SLOTS - 1));
    }

    @Override
    public String toString() { return "ClusterCallBuffer[inUse=" + inUse() + ", replies=" + replyCount + ", stacked=" + Arrays.toString(top) + "]"; }
}

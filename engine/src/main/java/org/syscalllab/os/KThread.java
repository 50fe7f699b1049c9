package org.syscalllab.os;

import java.util.ArrayDeque;
import java.util.List;
import org.syscalllab.os.lock.Holder;

/**
 * A kernel-visible thread: its program, affinity mask, state, the CPU it runs on, and what it has used. Created by
 * {@link Kernel#spawn}; only the kernel changes its state.
 */
public final class KThread implements Holder {
    /** Life cycle of a thread. */
    public enum State { READY, RUNNING, SPINNING, BLOCKED, DONE }

    private final long id;
    private final String name;
    final ThreadBody body;
    long affinity;
    final boolean daemon;
    State state = State.READY;
    int cpu = -1;
    int lastCpu = -1;
    final ArrayDeque<Op> pending = new ArrayDeque<>();
    final ArrayDeque<String> held = new ArrayDeque<>();
    Object received;
    Object attachment;
    long userCycles, kernelCycles, spinCycles;
    long blocks, wakes, dispatches, migrations, syscalls;
    long createdAt, finishedAt = -1;
    int ticksOnCpu;
    long process;

    KThread(long id, String name, ThreadBody body, long affinity, boolean daemon) {
        this.id = id;
        this.name = name;
        this.body = body;
        this.affinity = affinity;
        this.daemon = daemon;
        this.process = id;
    }

    /** The process this thread belongs to (its own id unless set): per-process locks are keyed by it. */
    public long process() { return process; }

    /** Makes this thread part of process {@code pid} (threads of one process share its per-process locks). */
    public KThread inProcess(long pid) {
        this.process = pid;
        return this;
    }

    @Override
    public long id() { return id; }

    @Override
    public int cpu() { return cpu; }

    public String name() { return name; }

    public State state() { return state; }

    public long affinity() { return affinity; }

    public int lastCpu() { return lastCpu; }

    public boolean daemon() { return daemon; }

    /** The item of the last {@link Op.Wait}. */
    public Object received() { return received; }

    /** Free slot for the owner of the body (e.g. a request being served). */
    public Object attachment() { return attachment; }

    public void attach(Object o) { attachment = o; }

    /** Inserts steps to run before the body's next step (used by organisations and bodies). */
    public void pushSteps(List<Op> ops) {
        for (int i = ops.size() - 1; i >= 0; i--) pending.addFirst(ops.get(i));
    }

    public long userCycles() { return userCycles; }

    public long kernelCycles() { return kernelCycles; }

    public long spinCycles() { return spinCycles; }

    public long blocks() { return blocks; }

    public long wakes() { return wakes; }

    public long dispatches() { return dispatches; }

    public long migrations() { return migrations; }

    public long syscalls() { return syscalls; }

    public long createdAt() { return createdAt; }

    /** Cycle at which the thread exited, or -1. */
    public long finishedAt() { return finishedAt; }

    /** Names of the locks held, innermost first. */
    public List<String> heldLocks() { return List.copyOf(held); }

    @Override
    public String toString() { return name + "#" + id + "(" + state + (cpu >= 0 ? "@" + cpu : "") + ")"; }
}

package org.syscalllab.os;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.syscalllab.os.lock.Holder;
import org.syscalllab.os.lock.Lock;
import org.syscalllab.os.lock.LockKind;
import org.syscalllab.os.syscall.SyscallTable;
import org.syscalllab.sim.Simulation;

/**
 * A multiprocessor kernel on a {@link Simulation}: CPUs running {@link KThread}s, ready queues, locks, timer ticks and
 * wake-ups. Threads run {@link Op}s; the {@link Organisation} turns each system call into steps.
 *
 * <p>Semantics. A thread runs on at most one CPU. User work is preempted only by timer ticks (a tick may end the time
 * slice when others are ready); kernel work is not preemptible. A spin-lock waiter keeps its CPU, spinning; a
 * sleeping-lock waiter blocks. Locks are granted in FIFO order; when a grant moves a lock to another CPU than its
 * previous holder's, the new holder pays {@link KernelConfig#lineTransferCycles()} for each of the lock's shared lines.
 * A blocked thread is woken exactly once ({@link IllegalStateException} otherwise), put on a ready queue, and an idle
 * CPU that may run it is told by an IPI or finds it at its next poll. A polling idle CPU costs no events between the
 * polls that find work: it has at most one poll pending, at the first poll after a thread it may run became ready.
 * The run ends when every non-daemon thread has exited (call {@link #run()}).
 *
 * <p>Accounting: every CPU cycle is user, kernel, spin or idle, and per thread user, kernel and spin.
 */
public final class Kernel {
    /** Hooks for tests and tracing; every method has an empty default. */
    public interface Observer {
        default void dispatched(int cpu, KThread t) { }

        default void descheduled(int cpu, KThread t) { }

        default void granted(Lock lock, KThread t) { }

        default void released(Lock lock, KThread t) { }

        default void blocked(KThread t) { }

        default void woken(KThread t) { }
    }

    private enum Mode { USER, KERNEL, SPIN, IDLE }

    private final class Cpu {
        final int id;
        KThread current;
        Mode mode = Mode.IDLE;
        long since;
        long user, kernel, spin, idle;
        long opHandle = -1;
        long opEnd;
        boolean opIsUser;
        boolean tickPending;
        boolean kickPending;
        boolean pollPending; // a POLL CPU's next poll is scheduled
        long pollPhase;
        final ArrayDeque<KThread> queue = new ArrayDeque<>();

        Cpu(int id) {
            this.id = id;
        }

        void setMode(Mode m) {
            long d = sim.now() - since;
            switch (mode) {
                case USER -> user += d;
                case KERNEL -> kernel += d;
                case SPIN -> spin += d;
                case IDLE -> idle += d;
            }
            if (current != null) {
                switch (mode) {
                    case USER -> current.userCycles += d;
                    case KERNEL -> current.kernelCycles += d;
                    case SPIN -> current.spinCycles += d;
                    default -> { }
                }
            }
            mode = m;
            since = sim.now();
        }
    }

    private final Simulation sim;
    private final KernelConfig cfg;
    private final SyscallTable table;
    private final Organisation org;
    private final Cpu[] cpus;
    private final ArrayDeque<KThread> shared = new ArrayDeque<>();
    private final Map<String, Lock> locks = new LinkedHashMap<>();
    private final Map<String, Integer> lockLines = new LinkedHashMap<>();
    private final List<KThread> threads = new ArrayList<>();
    private final RandomGenerator objectPick;
    private final RandomGenerator blockPick;
    private final Map<String, org.syscalllab.os.device.Device> devices = new LinkedHashMap<>();
    private Observer observer = new Observer() { };
    private long nextId = 1;
    private int live;
    private boolean started;
    private long finishedAt = -1;
    private int sharedQueueLastCpu = -1;

    public Kernel(Simulation sim, KernelConfig cfg, SyscallTable table, Organisation org) {
        if (sim == null || cfg == null || table == null || org == null) {
            throw new IllegalArgumentException("simulation, config, system-call table and organisation are required");
        }
        this.sim = sim;
        this.cfg = cfg;
        this.table = table;
        this.org = org;
        this.cpus = new Cpu[cfg.cpus()];
        for (int i = 0; i < cpus.length; i++) cpus[i] = new Cpu(i);
        this.objectPick = sim.stream("os.lock-objects");
        RandomGenerator phases = sim.stream("os.poll-phase");
        for (Cpu c : cpus) c.pollPhase = (long) (phases.nextDouble() * Math.max(1, cfg.idlePollCycles()));
        this.blockPick = sim.stream("os.block");
    }

    public Simulation sim() { return sim; }

    public KernelConfig config() { return cfg; }

    public SyscallTable syscalls() { return table; }

    public Organisation organisation() { return org; }

    public int cpuCount() { return cpus.length; }

    /** Mask of all CPUs. */
    public long allCpus() { return cpus.length == 64 ? -1L : (1L << cpus.length) - 1; }

    public void observe(Observer o) { this.observer = o == null ? new Observer() { } : o; }

    /** Declares how many cache lines of shared data a lock protects (before first use; default 0). */
    public void declareLock(String name, int sharedLines) {
        if (locks.containsKey(name)) throw new IllegalStateException("lock " + name + " is already in use");
        if (sharedLines < 0) throw new IllegalArgumentException("shared_lines = " + sharedLines + " is not allowed; allowed: >= 0");
        lockLines.put(name, sharedLines);
    }

    /** The lock of that name, created on first use. */
    public Lock lock(String name, LockKind kind) {
        Lock l = locks.get(name);
        if (l == null) {
            int lines = lockLines.getOrDefault(name, lockLines.getOrDefault(prefixOf(name), 0));
            l = new Lock(name, kind, lines);
            locks.put(name, l);
        } else if (l.kind() != kind) {
            throw new IllegalArgumentException("lock " + name + " is a " + l.kind() + ", used as " + kind);
        }
        return l;
    }

    private static String prefixOf(String name) {
        int h = Math.max(name.indexOf('#'), name.indexOf('@'));
        return h < 0 ? name : name.substring(0, h + 1);
    }

    /** Picks one of {@code objects} per-object locks uniformly (a seeded stream). */
    public int pickObject(int objects) { return objects <= 1 ? 0 : objectPick.nextInt(objects); }

    /** True with probability {@code p} (a seeded stream; for calls that may block). */
    public boolean chance(double p) { return p >= 1 || (p > 0 && blockPick.nextDouble() < p); }

    /** Makes a device known by its name, for system calls that block on it. */
    public void addDevice(org.syscalllab.os.device.Device d) {
        if (devices.put(d.name(), d) != null) throw new IllegalArgumentException("device " + d.name() + " added twice");
    }

    public org.syscalllab.os.device.Device device(String name) {
        var d = devices.get(name);
        if (d == null) throw new IllegalArgumentException("unknown device '" + name + "'; known: " + String.join(", ", devices.keySet()));
        return d;
    }

    public Map<String, Lock> locks() { return Collections.unmodifiableMap(locks); }

    public List<KThread> threads() { return Collections.unmodifiableList(threads); }

    /** Creates a thread that may run on the CPUs in {@code affinity}; it becomes ready now. */
    public KThread spawn(String name, ThreadBody body, long affinity) { return spawn(name, body, affinity, false); }

    /**
     * Creates a thread; a daemon thread does not keep the run alive (proxies, servers).
     */
    public KThread spawn(String name, ThreadBody body, long affinity, boolean daemon) {
        if (body == null) throw new IllegalArgumentException("body must not be null");
        long mask = affinity & allCpus();
        if (mask == 0) throw new IllegalArgumentException("affinity = " + Long.toBinaryString(affinity) + " names no CPU of " + cpus.length);
        KThread t = new KThread(nextId++, name, body, mask, daemon);
        t.createdAt = sim.now();
        threads.add(t);
        if (!daemon) live++;
        enqueue(t);
        if (started) kickIdleFor(t);
        return t;
    }

    /** Starts the kernel (ticks, the organisation's threads) and runs until every non-daemon thread exits. */
    public void run() {
        start();
        sim.run();
        if (live > 0) throw new IllegalStateException("the run stopped with " + live + " live threads (a thread never woke up?)");
        closeAccounts();
    }

    private void start() {
        if (started) return;
        started = true;
        org.start(this);
        if (cfg.tickCycles() > 0) {
            for (Cpu c : cpus) {
                long phase = cfg.staggeredTicks() ? cfg.tickCycles() * c.id / cpus.length : 0;
                sim.schedule(phase + cfg.tickCycles(), x -> tick(c));
            }
        }
        for (Cpu c : cpus) if (c.current == null) sim.schedule(0, x -> kick(c));
    }

    /** Elapsed cycles of the run (until the last non-daemon thread exited). */
    public long elapsed() { return finishedAt >= 0 ? finishedAt : sim.now(); }

    private void closeAccounts() {
        for (Cpu c : cpus) c.setMode(c.mode);
    }

    public CpuStats cpuStats(int cpu) {
        Cpu c = cpus[cpu];
        return new CpuStats(cpu, c.user, c.kernel, c.spin, c.idle);
    }

    public List<CpuStats> cpuStats() {
        List<CpuStats> out = new ArrayList<>();
        for (int i = 0; i < cpus.length; i++) out.add(cpuStats(i));
        return out;
    }

    // ------------------------------------------------------------------ ready queues and dispatch

    private boolean allowed(KThread t, int cpu) { return (t.affinity & (1L << cpu)) != 0; }

    private void enqueue(KThread t) {
        t.state = KThread.State.READY;
        if (cfg.sharedRunQueue()) {
            shared.add(t);
            return;
        }
        int target = -1;
        if (t.lastCpu >= 0 && allowed(t, t.lastCpu)) target = t.lastCpu;
        if (target < 0 || cpus[target].current != null) {
            int best = -1;
            for (Cpu c : cpus) {
                if (!allowed(t, c.id)) continue;
                if (c.current == null && c.queue.isEmpty()) {
                    best = c.id;
                    break;
                }
                if (best < 0 || load(c) < load(cpus[best])) best = c.id;
            }
            if (target < 0 || (cpus[best].current == null && cpus[best].queue.isEmpty())) target = best;
        }
        cpus[target].queue.add(t);
    }

    private int load(Cpu c) { return c.queue.size() + (c.current != null ? 1 : 0); }

    private KThread pick(Cpu c) {
        if (cfg.sharedRunQueue()) {
            for (var it = shared.iterator(); it.hasNext(); ) {
                KThread t = it.next();
                if (allowed(t, c.id)) {
                    it.remove();
                    return t;
                }
            }
            return null;
        }
        KThread t = c.queue.poll();
        if (t != null) return t;
        Cpu victim = null;
        for (Cpu o : cpus) {
            if (o == c) continue;
            for (KThread q : o.queue) {
                if (allowed(q, c.id)) {
                    if (victim == null || o.queue.size() > victim.queue.size()) victim = o;
                    break;
                }
            }
        }
        if (victim == null) return null;
        for (var it = victim.queue.iterator(); it.hasNext(); ) {
            KThread q = it.next();
            if (allowed(q, c.id)) {
                it.remove();
                return q;
            }
        }
        return null;
    }

    private boolean hasWorkFor(Cpu c) {
        if (cfg.sharedRunQueue()) {
            for (KThread t : shared) if (allowed(t, c.id)) return true;
            return false;
        }
        if (!c.queue.isEmpty()) return true;
        for (Cpu o : cpus) for (KThread q : o.queue) if (allowed(q, c.id)) return true;
        return false;
    }

    /** An idle CPU looks for work (after an IPI, a tick or at start). */
    private void kick(Cpu c) {
        c.kickPending = false;
        if (c.current == null) dispatch(c);
    }

    /**
     * A poll of an idle POLL CPU: it takes a ready thread if it is still idle (a tick may have given it one since), and
     * the threads still waiting get the next poll of another idle CPU.
     */
    private void poll(Cpu c) {
        c.pollPending = false;
        if (c.current == null) dispatch(c);
        if (cfg.sharedRunQueue() ? shared.isEmpty() : c.queue.isEmpty()) return;
        for (KThread t : new ArrayList<>(cfg.sharedRunQueue() ? shared : c.queue)) pollFor(t);
    }

    private KernelConfig.IdleWake idleWake(Cpu c) { return org.idleWake(this, c.id); }

    /** The first poll of an idle POLL CPU at or after now (its polls are every idlePollCycles from its own phase). */
    private long nextPoll(Cpu c) {
        long p = cfg.idlePollCycles();
        long now = sim.now();
        long k = Math.floorDiv(now - c.pollPhase + p - 1, p);
        return k * p + c.pollPhase;
    }

    /**
     * Idle POLL CPUs find a ready thread at their next poll: schedule only the earliest such poll (same outcome as
     * polling all the time, without an event per poll), and none when that CPU's next poll is already scheduled.
     */
    private void pollFor(KThread t) {
        Cpu poller = null;
        long when = Long.MAX_VALUE;
        for (Cpu c : cpus) {
            if (c.current == null && allowed(t, c.id) && idleWake(c) == KernelConfig.IdleWake.POLL) {
                long n = nextPoll(c);
                if (n < when) {
                    when = n;
                    poller = c;
                }
            }
        }
        if (poller == null || poller.pollPending) return;
        Cpu pc = poller;
        pc.pollPending = true;
        sim.scheduleAt(when, Simulation.NORMAL, x -> poll(pc));
    }

    private void kickIdleFor(KThread t) {
        pollFor(t);
        Cpu target = null;
        if (t.lastCpu >= 0 && cpus[t.lastCpu].current == null && allowed(t, t.lastCpu)
                && idleWake(cpus[t.lastCpu]) == KernelConfig.IdleWake.IPI) target = cpus[t.lastCpu];
        if (target == null) {
            for (Cpu c : cpus) {
                // POLL CPUs find the thread at their next poll
                if (c.current == null && !c.kickPending && allowed(t, c.id) && idleWake(c) == KernelConfig.IdleWake.IPI) {
                    target = c;
                    break;
                }
            }
        }
        if (target == null || target.kickPending) return;
        target.kickPending = true;
        Cpu tc = target;
        sim.schedule(cfg.ipiCycles(), x -> kick(tc));
    }

    private void dispatch(Cpu c) {
        KThread t = pick(c);
        if (t == null) {
            if (c.current != null) throw new IllegalStateException("cpu " + c.id + " idles with a current thread");
            c.setMode(Mode.IDLE);
            return;
        }
        if (t.cpu >= 0) throw new IllegalStateException(t + " dispatched on cpu " + c.id + " while on cpu " + t.cpu);
        if (t.state != KThread.State.READY) throw new IllegalStateException(t + " dispatched while " + t.state);
        if (cfg.sticky() && t.lastCpu < 0) t.affinity = 1L << c.id;
        c.setMode(Mode.KERNEL);
        c.current = t;
        t.cpu = c.id;
        t.state = KThread.State.RUNNING;
        t.dispatches++;
        if (!cfg.sliceAcrossSleeps()) t.ticksOnCpu = 0;
        long cost = cfg.contextSwitchCycles();
        if (t.lastCpu >= 0 && t.lastCpu != c.id) {
            t.migrations++;
            cost += cfg.migrationCycles();
        }
        if (cfg.sharedRunQueue() && cpus.length > 1) {
            if (sharedQueueLastCpu >= 0 && sharedQueueLastCpu != c.id) cost += cfg.lineTransferCycles() * cfg.runQueueLines();
            sharedQueueLastCpu = c.id;
        }
        t.lastCpu = c.id;
        observer.dispatched(c.id, t);
        List<Op> sw = new ArrayList<>(3);
        String sl = org.schedulerLock(this, c.id);
        if (sl != null && cost > 0) sw.add(new Op.Acquire(sl, LockKind.SPIN, true));
        if (cost > 0) sw.add(new Op.Work(cost));
        if (sl != null && cost > 0) sw.add(new Op.Release(sl));
        t.pushSteps(sw);
        advance(c);
    }

    private void leaveCpu(Cpu c, KThread t) {
        if (c.current != t) throw new IllegalStateException(t + " leaves cpu " + c.id + " which runs " + c.current);
        c.setMode(Mode.KERNEL);
        observer.descheduled(c.id, t);
        c.current = null;
        t.cpu = -1;
    }

    // ------------------------------------------------------------------ executing steps

    private void advance(Cpu c) {
        KThread t = c.current;
        while (true) {
            if (c.tickPending && t.held.isEmpty()) {
                c.tickPending = false;
                if (handleTick(c, t)) return;
            }
            Op op = t.pending.poll();
            if (op == null) {
                op = t.body.next(t);
                if (op == null) throw new IllegalStateException(t + ": body returned null (use Op.EXIT)");
            }
            if (op instanceof Op.User u) {
                if (u.cycles() > 0) {
                    startTimed(c, Mode.USER, u.cycles(), true);
                    return;
                }
            } else if (op instanceof Op.Work w) {
                if (w.cycles() > 0) {
                    startTimed(c, Mode.KERNEL, w.cycles(), false);
                    return;
                }
            } else if (op instanceof Op.Syscall s) {
                t.syscalls++;
                t.pushSteps(org.syscall(this, t, table.get(s.name())));
            } else if (op instanceof Op.Acquire a) {
                if (acquire(c, t, a)) return;
            } else if (op instanceof Op.Release r) {
                release(c, t, r.lock());
            } else if (op instanceof Op.Io io) {
                block(c, t);
                io.device().submit(sim, io.block(), io.bytes(), () -> wake(t));
                dispatch(c);
                return;
            } else if (op instanceof Op.Sleep s) {
                block(c, t);
                sim.schedule(s.cycles(), x -> wake(t));
                dispatch(c);
                return;
            } else if (op instanceof Op.Wait w) {
                if (w.queue().items() > 0) {
                    t.received = w.queue().poll();
                } else {
                    block(c, t);
                    w.queue().addWaiter(t);
                    dispatch(c);
                    return;
                }
            } else if (op instanceof Op.Post p) {
                KThread w = p.queue().post(p.item());
                if (w != null) wake(w);
            } else if (op instanceof Op.Park) {
                block(c, t);
                dispatch(c);
                return;
            } else if (op instanceof Op.Unpark u) {
                wake(u.thread());
            } else if (op instanceof Op.Yield) {
                if (!t.held.isEmpty()) throw new IllegalStateException(t + " yields holding " + t.held);
                leaveCpu(c, t);
                enqueue(t);
                dispatch(c);
                return;
            } else if (op instanceof Op.Exit) {
                if (!t.held.isEmpty()) throw new IllegalStateException(t + " exits holding " + t.held);
                leaveCpu(c, t);
                t.state = KThread.State.DONE;
                t.finishedAt = sim.now();
                if (!t.daemon && --live == 0) {
                    finishedAt = sim.now();
                    sim.stop();
                    c.setMode(Mode.IDLE);
                    return;
                }
                dispatch(c);
                return;
            }
        }
    }

    private void startTimed(Cpu c, Mode m, long cycles, boolean user) {
        c.setMode(m);
        c.opEnd = sim.now() + cycles;
        c.opIsUser = user;
        c.opHandle = sim.schedule(cycles, x -> {
            c.opHandle = -1;
            advance(c);
        });
    }

    /** Returns true if the thread now waits (spinning or blocked) or runs a transfer. */
    private boolean acquire(Cpu c, KThread t, Op.Acquire a) {
        Lock l = lock(a.lock(), a.kind());
        int prev = l.lastCpu();
        if (l.tryAcquire(t, a.write(), sim.now())) {
            t.held.push(l.name());
            observer.granted(l, t);
            long cost = grantCost(l, prev, c.id);
            if (cost > 0) {
                startTimed(c, Mode.KERNEL, cost, false);
                return true;
            }
            return false;
        }
        l.enqueue(t, a.write(), sim.now());
        if (l.kind().spins()) {
            t.state = KThread.State.SPINNING;
            c.setMode(Mode.SPIN);
            return true;
        }
        block(c, t);
        dispatch(c);
        return true;
    }

    private long grantCost(Lock l, int prevCpu, int cpu) {
        long cost = cfg.lockOpCycles();
        if (prevCpu >= 0 && prevCpu != cpu) cost += cfg.lineTransferCycles() * l.sharedLines();
        return cost;
    }

    private void release(Cpu c, KThread t, String name) {
        Lock l = locks.get(name);
        if (l == null || !t.held.remove(name)) throw new IllegalStateException(t + " releases " + name + " which it does not hold");
        observer.released(l, t);
        for (Holder h : l.release(t, sim.now())) {
            KThread w = (KThread) h;
            w.held.push(l.name());
            observer.granted(l, w);
            if (w.state == KThread.State.SPINNING) {
                Cpu wc = cpus[w.cpu];
                long cost = grantCost(l, c.id, wc.id);
                sim.schedule(0, x -> {
                    w.state = KThread.State.RUNNING;
                    if (cost > 0) startTimed(wc, Mode.KERNEL, cost, false);
                    else advance(wc);
                });
            } else {
                long cost = grantCost(l, c.id, w.lastCpu);
                if (cost > 0) w.pushSteps(List.of(new Op.Work(cost)));
                wake(w);
            }
        }
    }

    private void block(Cpu c, KThread t) {
        leaveCpu(c, t);
        t.state = KThread.State.BLOCKED;
        t.blocks++;
        observer.blocked(t);
    }

    /** Wakes a blocked thread: exactly once per block. */
    public void wake(KThread t) {
        if (t.state != KThread.State.BLOCKED) throw new IllegalStateException("wake of " + t + " which is not blocked");
        t.wakes++;
        observer.woken(t);
        enqueue(t);
        kickIdleFor(t);
    }

    // ------------------------------------------------------------------ timer ticks

    private void tick(Cpu c) {
        if (live == 0) return;
        sim.schedule(cfg.tickCycles(), x -> tick(c));
        if (c.current == null) {
            if (!c.kickPending && hasWorkFor(c)) kick(c);
            return;
        }
        KThread t = c.current;
        if (c.mode == Mode.USER && c.opIsUser && c.opHandle >= 0 && t.held.isEmpty()) {
            sim.cancel(c.opHandle);
            c.opHandle = -1;
            long rem = c.opEnd - sim.now();
            if (rem > 0) t.pending.addFirst(new Op.User(rem));
            c.tickPending = false;
            if (!handleTick(c, t)) advance(c);
        } else {
            c.tickPending = true;
        }
    }

    /** Runs the tick handler on the current thread's CPU; returns true if the thread was preempted. */
    private boolean handleTick(Cpu c, KThread t) {
        t.ticksOnCpu++;
        boolean preempt = t.ticksOnCpu >= cfg.sliceTicks() && hasWorkFor(c);
        // a used-up slice budget is refilled (Linux recalculates the counter), whether or not the thread is preempted
        if (cfg.sliceAcrossSleeps() && t.ticksOnCpu >= cfg.sliceTicks()) t.ticksOnCpu = 0;
        List<Op> ops = new ArrayList<>(4);
        String tl = org.tickLock(this, c.id);
        if (cfg.tickHandlerCycles() > 0) {
            if (tl != null) ops.add(new Op.Acquire(tl, LockKind.SPIN, true));
            ops.add(new Op.Work(cfg.tickHandlerCycles()));
            if (tl != null) ops.add(new Op.Release(tl));
        }
        if (preempt) ops.add(Op.YIELD);
        if (ops.isEmpty()) return false;
        t.pushSteps(ops);
        return false;
    }
}

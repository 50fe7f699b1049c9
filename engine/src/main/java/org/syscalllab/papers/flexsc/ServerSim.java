package org.syscalllab.papers.flexsc;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.syscalllab.hw.MemorySystem;
import org.syscalllab.hw.Misses;
import org.syscalllab.hw.Platform;
import org.syscalllab.mech.SyscallCoreList;
import org.syscalllab.mech.SyscallEntryState;
import org.syscalllab.mech.SyscallPages;
import org.syscalllab.os.lock.Holder;
import org.syscalllab.os.lock.Lock;
import org.syscalllab.os.lock.LockKind;
import org.syscalllab.sim.Simulation;
import org.syscalllab.workload.CallInjection;
import org.syscalllab.workload.KernelPath;

/**
 * A server on the FlexSC machine under a closed loop of clients, run either with NPTL threads making synchronous
 * calls or with FlexSC-Threads making exception-less calls. Every stretch of execution (a user burst, a call's kernel
 * path) runs through the memory model of the core it executes on ({@link CallInjection} per core, so the user's and
 * the kernel's lines compete as in the part-1 experiments), and the timing model turns its misses into cycles. Nothing
 * about the outcome is set directly: throughput, latency, IPC and idle time follow from where and in what order the
 * work runs.
 *
 * <p><b>Sync (NPTL).</b> Server threads are spread over the cores; a core runs a thread's request step by step (user
 * burst, then the call with its trap), switching threads (a kernel context switch) when one blocks on a lock or ends a
 * request.
 *
 * <p><b>FlexSC.</b> One kernel-visible thread per core runs the core's user threads cooperatively. A user thread runs
 * its burst, posts its call in a free entry of the core's syscall pages (waiting for one if none is free), and the
 * core switches in user mode to the next ready thread. With nothing ready the core polls its pages for done entries;
 * with nothing done it calls {@code flexsc_wait}. Syscall threads execute submitted entries: on a core of the static
 * ordered core list, chosen for each decision as the first listed core with no active syscall thread; at a
 * {@code flexsc_wait} on the chosen core itself, the batch runs locally (single-core batching); on another core an IPI
 * wakes it (core specialisation); a core already running a syscall thread keeps taking entries. A call that blocks on
 * a lock leaves its entry busy and the next syscall thread continues; a completion wakes a core sleeping in
 * {@code flexsc_wait} (by IPI if it is remote). Work starts at the end of the running segment (a user burst is not
 * interrupted midway).
 *
 * <p>Locks are {@link Lock}s from the OS model: mmap_sem is a sleeping reader/writer semaphore, the application lock a
 * mutex. Simplification: each core has its own full copy of the L3 (the shared L3's contention is not modelled).
 */
final class ServerSim {
    /** How calls are made. */
    enum Mode { SYNC, FLEXSC }

    /**
     * One run.
     *
     * @param platform       the machine
     * @param fidelity       memory model fidelity
     * @param workload       the server
     * @param mode           sync or flexsc
     * @param cores          cores used (the first n of the machine)
     * @param clients        concurrent client requests (closed loop, no think time)
     * @param pagesPerCore   syscall pages per core (FlexSC)
     * @param entriesPerPage entries per page (FlexSC)
     * @param coreList       the static ordered syscall core list (FlexSC); empty = 0..cores-1
     * @param threadsOverride user/server threads (0 = min(clients, the workload's maximum for the mode))
     * @param warmupCycles   simulated cycles before measuring
     * @param measureCycles  simulated cycles measured
     * @param costs          the direct costs of thread switches
     */
    record Config(Platform platform, MemorySystem.Fidelity fidelity, ServerWorkload workload, Mode mode, int cores,
                  int clients, int pagesPerCore, int entriesPerPage, List<Integer> coreList, int threadsOverride,
                  long warmupCycles, long measureCycles, SwitchCosts costs) {
        Config {
            if (cores < 1 || cores > platform.cores()) throw new IllegalArgumentException("cores = " + cores + " is not allowed; allowed: [1, " + platform.cores() + "]");
            if (clients < 1 || clients > 1_000_000) throw new IllegalArgumentException("clients = " + clients + " is not allowed; allowed: [1, 1000000]");
            if (pagesPerCore < 1) throw new IllegalArgumentException("pages_per_core = " + pagesPerCore + " is not allowed; allowed: >= 1");
            if (entriesPerPage < 1) throw new IllegalArgumentException("entries_per_page = " + entriesPerPage + " is not allowed; allowed: >= 1");
            if (threadsOverride < 0) throw new IllegalArgumentException("threads = " + threadsOverride + " is not allowed; allowed: >= 0");
            if (warmupCycles < 0) throw new IllegalArgumentException("warmup_cycles = " + warmupCycles + " is not allowed; allowed: >= 0");
            if (measureCycles < 1) throw new IllegalArgumentException("measure_cycles = " + measureCycles + " is not allowed; allowed: >= 1");
            coreList = coreList == null || coreList.isEmpty() ? SyscallCoreList.firstN(cores) : List.copyOf(coreList);
        }

        int threads() {
            if (threadsOverride > 0) return threadsOverride;
            return Math.min(clients, mode == Mode.SYNC ? workload.maxThreadsSync() : workload.maxThreadsFlexsc());
        }
    }

    /**
     * Direct costs of switching threads.
     *
     * @param kernelSwitchCycles NPTL context switch between two threads of the process (scheduler, register state, no
     *                           address-space change)
     * @param userSwitchCycles   FlexSC-Threads user-mode switch between two user threads
     * @param pollCyclesPerEntry cycles to check one entry's status word while polling
     * @param entryWriteCycles   cycles to write an entry or read its result
     * @param dispatchCycles     syscall-thread cycles to pick up an entry and post its result
     * @param handoffCycles      in-kernel switch to or from a syscall thread
     */
    record SwitchCosts(long kernelSwitchCycles, long userSwitchCycles, long pollCyclesPerEntry, long entryWriteCycles,
                       long dispatchCycles, long handoffCycles) {
        SwitchCosts {
            if (kernelSwitchCycles < 0 || userSwitchCycles < 0 || pollCyclesPerEntry < 0 || entryWriteCycles < 0 || dispatchCycles < 0 || handoffCycles < 0) {
                throw new IllegalArgumentException("switch costs must be >= 0");
            }
        }
    }

    /** What a run measured. */
    record Stats(double throughputRps, double latencyMs, double userIpc, double kernelIpc, Misses userMisses,
                 double userInstructions, Misses kernelMisses, double kernelInstructions, double idlePct,
                 double userPct, double kernelPct, double meanBatch, double[] kernelShareByCore, long events,
                 long simulatedCycles, long submitted, long completed, long reaped) {
        double mpkiUser(org.syscalllab.hw.Structure s) { return 1000 * userMisses.get(s) / Math.max(1, userInstructions); }

        double mpkiKernel(org.syscalllab.hw.Structure s) { return 1000 * kernelMisses.get(s) / Math.max(1, kernelInstructions); }
    }

    // ------------------------------------------------------------------------------------------------ state
    private final Config cfg;
    private final ServerWorkload w;
    private final Platform pl;
    private final Simulation sim;
    private final Core[] cores;
    private final Lock mmapSem = new Lock("mmap_sem", LockKind.RW_SEMAPHORE, 0);
    private final Lock appLock = new Lock("app", LockKind.MUTEX, 0);
    private final KernelPath locked;
    private final ArrayDeque<Long> pendingRequests = new ArrayDeque<>();
    private final List<Worker> workers = new ArrayList<>();
    private SyscallCoreList coreList;
    private final ArrayDeque<Integer> submissionOrder = new ArrayDeque<>();  // owner core of each submitted entry, FIFO
    private final long measureFrom;
    private final long measureTo;
    // measurements
    private long completedInWindow;
    private double responseCyclesInWindow;
    private double userInstr, userCycles, kernelInstr, kernelCycles;
    private final Misses userMiss = new Misses();
    private final Misses kernelMiss = new Misses();
    private long batches, batchedCalls;
    private final double[] coreKernelCycles;
    private final double[] coreUserCycles;

    /** One server thread (NPTL) or user thread (FlexSC-Threads). */
    private final class Worker implements Holder {
        final int id;
        final int core;
        long requestIssuedAt;
        int step;                 // calls made in the current request
        boolean holdsApp;

        Worker(int id, int core) {
            this.id = id;
            this.core = core;
        }

        @Override public long id() { return id; }

        @Override public int cpu() { return core; }
    }

    /** A call in the kernel (the syscall thread or the NPTL thread executing it). */
    private final class KCall implements Holder {
        final Worker worker;
        final int entryOwner;
        final int entry;
        int execCore;
        double cycles;            // the path's cycles (computed when it starts)
        boolean write;
        double holdShare;

        KCall(Worker worker, int entryOwner, int entry) {
            this.worker = worker;
            this.entryOwner = entryOwner;
            this.entry = entry;
        }

        @Override public long id() { return 1_000_000L + worker.id; }

        @Override public int cpu() { return execCore; }
    }

    private final class Core {
        final int id;
        final CallInjection mem;
        final ArrayDeque<Worker> ready = new ArrayDeque<>();
        final ArrayDeque<Worker> waitingForEntry = new ArrayDeque<>();
        final ArrayDeque<KCall> resumed = new ArrayDeque<>();   // kernel work granted a lock, to finish on this core
        final SyscallPages pages;
        final List<Integer> doneEntries = new ArrayList<>();
        boolean busy;             // a segment is running
        boolean sleeping;         // FlexSC: in flexsc_wait; sync: idle
        boolean syscallWanted;    // an IPI asked this core to run a syscall thread
        boolean ipiPending;       // such an IPI is in flight
        boolean syscallActive;    // the process's syscall thread is active here
        int batchCount;
        Worker last;

        Core(int id, long seed) {
            this.id = id;
            this.mem = new CallInjection(pl, cfg.fidelity(), w.program(pl.dtlb().pageBytes() / pl.lineBytes(), cfg.threads()), seed + id);
            this.pages = new SyscallPages(id, cfg.pagesPerCore(), cfg.entriesPerPage());
        }
    }

    ServerSim(Config cfg, Simulation sim, long seed) {
        this.cfg = cfg;
        this.w = cfg.workload();
        this.pl = cfg.platform();
        this.sim = sim;
        this.locked = w.writeLockedCall();
        this.cores = new Core[cfg.cores()];
        for (int i = 0; i < cores.length; i++) cores[i] = new Core(i, seed);
        this.coreList = new SyscallCoreList(cfg.coreList(), cfg.cores());
        this.measureFrom = cfg.warmupCycles();
        this.measureTo = cfg.warmupCycles() + cfg.measureCycles();
        this.coreKernelCycles = new double[cores.length];
        this.coreUserCycles = new double[cores.length];
    }

    /** Runs the closed loop and returns the measurements of the window. */
    Stats run() {
        for (int i = 0; i < cfg.clients(); i++) pendingRequests.add(0L);
        int threads = cfg.threads();
        for (int t = 0; t < threads; t++) {
            Worker wk = new Worker(t, t % cores.length);
            workers.add(wk);
            if (startRequest(wk)) cores[wk.core].ready.add(wk);
        }
        for (Core c : cores) kick(c);
        sim.runUntil(measureTo);
        return stats();
    }

    /** Gives the worker its next request if one is pending; false if it must wait for one. */
    private boolean startRequest(Worker wk) {
        Long t = pendingRequests.poll();
        if (t == null) return false;
        wk.requestIssuedAt = t;
        wk.step = 0;
        return true;
    }

    private final ArrayDeque<Worker> idleWorkers = new ArrayDeque<>();

    private void requestDone(Worker wk) {
        long now = sim.now();
        if (now >= measureFrom && now < measureTo) {
            completedInWindow++;
            responseCyclesInWindow += now - wk.requestIssuedAt;
        }
        pendingRequests.add(now);                    // the client sends its next request at once
        Worker idle = idleWorkers.poll();
        if (idle != null && startRequest(idle)) makeReady(idle);
        if (!startRequest(wk)) idleWorkers.add(wk);
        else makeReady(wk);
    }

    private void makeReady(Worker wk) {
        Core c = cores[wk.core];
        c.ready.add(wk);
        if (c.sleeping && !c.busy) kick(c);
    }

    /** Starts the core's next segment if it is free. */
    private void kick(Core c) {
        if (c.busy) return;
        if (cfg.mode() == Mode.SYNC) nextSync(c);
        else nextFlexsc(c);
    }

    private long callsInWindow;

    private void callDone() {
        if (inWindow()) callsInWindow++;
    }

    private boolean inWindow() { return sim.now() >= measureFrom && sim.now() < measureTo; }

    private void account(Core c, boolean kernel, double instr, double cycles, Misses m) {
        if (!inWindow()) return;
        if (kernel) {
            kernelInstr += instr;
            kernelCycles += cycles;
            kernelMiss.addAll(m);
            coreKernelCycles[c.id] += cycles;
        } else {
            userInstr += instr;
            userCycles += cycles;
            userMiss.addAll(m);
            coreUserCycles[c.id] += cycles;
        }
    }

    /** Busy cycles with no instructions (switches, traps, IPIs), counted as kernel time. */
    private void overhead(Core c, double cycles) {
        if (inWindow()) {
            kernelCycles += cycles;
            coreKernelCycles[c.id] += cycles;
        }
    }

    private void segment(Core c, double cycles, Simulation.Action then) {
        c.busy = true;
        c.sleeping = false;
        sim.schedule(Math.max(1, Math.round(cycles)), s -> {
            c.busy = false;
            then.fire(s);
        });
    }

    /** User work of one step (one burst between calls), with the application lock if this step takes it. */
    private double userBurst(Core c, Worker wk, double extraCycles) {
        CallInjection.Interval iv = c.mem.user(w.userInstructionsPerCall());
        account(c, false, iv.instructions(), iv.cycles() + extraCycles, iv.misses());
        return iv.cycles() + extraCycles;
    }

    private boolean needsAppLock(Worker wk) {
        return w.appLockShare() > 0 && wk.step == 0;
    }

    /** Runs the app-locked part of a request's user work: the lock is held for the share of the step's instructions. */
    private double appLockedWork(Core c, Worker wk) {
        double instr = w.appLockShare() * w.userInstructionsPerCall() * w.callsPerRequest();
        CallInjection.Interval iv = c.mem.user(instr);
        account(c, false, iv.instructions(), iv.cycles(), iv.misses());
        return iv.cycles();
    }

    // ------------------------------------------------------------------------------------------------ sync (NPTL)
    private void nextSync(Core c) {
        KCall r = c.resumed.poll();
        if (r != null) {                                         // a thread granted mmap_sem continues its call
            double sw = c.last == r.worker ? 0 : cfg.costs().kernelSwitchCycles();
            c.last = r.worker;
            overhead(c, sw);
            Runnable go = resumeActions.remove(r.id());
            segment(c, sw, s -> go.run());
            return;
        }
        Worker wk = c.ready.poll();
        if (wk == null) {
            c.sleeping = true;                                   // idle until a thread becomes ready
            return;
        }
        double sw = c.last == wk ? 0 : cfg.costs().kernelSwitchCycles();
        c.last = wk;
        overhead(c, sw);
        if (needsAppLock(wk) && !wk.holdsApp) {
            if (!appLock.tryAcquire(wk, true, sim.now())) {
                appLock.enqueue(wk, true, sim.now());
                segment(c, sw, s -> kick(c));                    // sleeps on the futex; the core moves on
                return;
            }
            wk.holdsApp = true;
            double held = appLockedWork(c, wk);
            segment(c, sw + held, s -> {
                releaseApp(wk);
                syncStep(c, wk, 0);
            });
            return;
        }
        syncStep(c, wk, sw);
    }

    private void releaseApp(Worker wk) {
        wk.holdsApp = false;
        for (Holder h : appLock.release(wk, sim.now())) {
            Worker g = (Worker) h;
            g.holdsApp = true;
            // the granted thread runs its locked part when its core next picks it
            cores[g.core].ready.add(g);
            wakeCore(cores[g.core]);                             // only an idle core: a busy one picks it up next
        }
    }

    /** The thread runs one step: user burst, then a trapping call. */
    private void syncStep(Core c, Worker wk, double before) {
        if (wk.holdsApp) {                                       // granted after waiting: run the locked part now
            double held = appLockedWork(c, wk);
            segment(c, before + held, s -> {
                releaseApp(wk);
                syncStep(c, wk, 0);
            });
            return;
        }
        double u = userBurst(c, wk, pl.pipelineRefillCycles()) + before;
        segment(c, u, s -> syncCall(c, new KCall(wk, -1, -1)));
    }

    private void syncCall(Core c, KCall k) {
        k.execCore = c.id;
        prepareCall(c, k, true);
        startLockedCall(c, k, () -> finishSync(c, k));
    }

    private void finishSync(Core c, KCall k) {
        Worker wk = k.worker;
        callDone();
        wk.step++;
        if (wk.step >= w.callsPerRequest()) {
            requestDone(wk);
            c.last = null;                                       // the thread goes back to wait for a connection
            kick(c);
        } else {
            syncStep(c, wk, 0);
        }
    }

    /** Decides the call's path and lock use and runs its memory references on core {@code c}. */
    private void prepareCall(Core c, KCall k, boolean trap) {
        int step = k.worker.step;
        KernelPath p = step < w.writeLockCalls() ? locked : w.netCall(step);
        k.write = step < w.writeLockCalls();
        boolean read = !k.write && step < w.writeLockCalls() + w.readLockCalls();
        k.holdShare = k.write ? 1.0 : read ? w.readLockShare() : 0;
        CallInjection.Interval iv = c.mem.kernel(p);
        double cyc = iv.cycles() - (trap ? 0 : pl.syscallRoundTripCycles());
        if (!trap) cyc += cfg.costs().dispatchCycles() + (k.entryOwner != c.id ? 2 * pl.cacheToCacheCycles() : 0);
        k.cycles = cyc;
        account(c, true, iv.instructions(), cyc, iv.misses());
    }

    /**
     * Runs the call on core {@code c}: the part before the lock, then (if it uses mmap_sem) the lock, the held part and
     * the release. If the lock is not free the caller is parked and {@code blocked} lets the core move on; when granted,
     * the call resumes on the same core.
     */
    private void startLockedCall(Core c, KCall k, Runnable done) {
        if (k.holdShare <= 0) {
            segment(c, k.cycles, s -> done.run());
            return;
        }
        double pre = k.cycles * (1 - k.holdShare);
        segment(c, pre, s -> {
            if (mmapSem.tryAcquire(k, k.write, sim.now())) {
                heldPart(c, k, done);
            } else {
                mmapSem.enqueue(k, k.write, sim.now());
                parked.put(k.id(), () -> heldPart(cores[k.execCore], k, done));
                blocked(c, k);
            }
        });
    }

    private final java.util.Map<Long, Runnable> parked = new java.util.HashMap<>();

    private void heldPart(Core c, KCall k, Runnable done) {
        segment(c, k.cycles * k.holdShare, s -> {
            for (Holder h : mmapSem.release(k, sim.now())) grantMmap((KCall) h);
            done.run();
        });
    }

    private void grantMmap(KCall g) {
        Runnable r = parked.remove(g.id());
        Core gc = cores[g.execCore];
        if (cfg.mode() == Mode.SYNC) {
            gc.resumed.add(g);
            resumeActions.put(g.id(), r);
            wakeCore(gc);                                        // the releasing thread may be on this very core
        } else {
            gc.resumed.add(g);
            resumeActions.put(g.id(), r);
            wakeForKernel(gc);
        }
    }

    private final java.util.Map<Long, Runnable> resumeActions = new java.util.HashMap<>();

    /** The call's thread sleeps on the lock: the core runs something else. */
    private void blocked(Core c, KCall k) {
        if (cfg.mode() == Mode.SYNC) {
            c.last = null;
            kick(c);
        } else {
            syscallThreadLoop(c);                                 // another syscall thread takes the next entry
        }
    }

    // ------------------------------------------------------------------------------------------------ FlexSC
    private void nextFlexsc(Core c) {
        // kernel work has priority: a resumed call, or a syscall thread an IPI asked for
        if (!c.resumed.isEmpty() && !c.syscallActive) {
            c.syscallActive = true;                                 // the woken syscall thread becomes the core's active one
            coreList.activate(c.id);
        }
        if (c.syscallActive) {
            syscallThreadLoop(c);
            return;
        }
        if (c.syscallWanted) {
            c.syscallWanted = false;
            c.ipiPending = false;
            if (!submissionOrder.isEmpty() && !coreList.isActive(c.id)) {
                startSyscallThread(c, cfg.costs().handoffCycles());
                return;
            }
        }
        Worker wk = c.ready.poll();
        if (wk != null) {
            flexscUserStep(c, wk);
            return;
        }
        // nothing ready: poll the pages for done entries
        if (!c.doneEntries.isEmpty()) {
            double poll = cfg.costs().pollCyclesPerEntry() * Math.max(1, c.pages.capacity() - c.pages.count(SyscallEntryState.FREE));
            List<Integer> done = new ArrayList<>(c.doneEntries);
            c.doneEntries.clear();
            for (int e : done) {
                Worker g = workers.get((int) c.pages.reap(e));
                overhead(c, cfg.costs().entryWriteCycles());
                afterCall(c, g);
                Worker waiting = c.waitingForEntry.poll();
                if (waiting != null) c.ready.add(waiting);
            }
            overhead(c, poll);
            segment(c, poll + done.size() * cfg.costs().entryWriteCycles(), s -> kick(c));
            return;
        }
        int outstanding = c.pages.capacity() - c.pages.count(SyscallEntryState.FREE);
        if (outstanding == 0) {
            c.sleeping = true;                                      // no work at all (waits for a request)
            return;
        }
        // flexsc_wait: one trap, then a scheduling decision
        double trap = pl.syscallRoundTripCycles() + pl.pipelineRefillCycles();
        overhead(c, trap);
        segment(c, trap, s -> {
            // work that arrived during the trap (a done entry, a ready thread, a resumed call, an IPI asking for a
            // syscall thread) is taken up now rather than slept through
            if (!c.doneEntries.isEmpty() || !c.ready.isEmpty() || !c.resumed.isEmpty() || c.syscallWanted) {
                kick(c);
                return;
            }
            c.sleeping = true;
            decide(c);
        });
    }

    /** A completed call: the worker moves to its next step or finishes its request. */
    private void afterCall(Core c, Worker g) {
        callDone();
        g.step++;
        if (g.step >= w.callsPerRequest()) requestDone(g);
        else c.ready.add(g);
    }

    private void flexscUserStep(Core c, Worker wk) {
        if (needsAppLock(wk) && !wk.holdsApp) {
            if (!appLock.tryAcquire(wk, true, sim.now())) {
                appLock.enqueue(wk, true, sim.now());
                segment(c, cfg.costs().userSwitchCycles(), s -> kick(c));
                return;
            }
            wk.holdsApp = true;
        }
        double held = 0;
        if (wk.holdsApp) {
            held = appLockedWork(c, wk);
        }
        double u = userBurst(c, wk, cfg.costs().userSwitchCycles() + cfg.costs().entryWriteCycles()) + held;
        segment(c, u, s -> {
            if (wk.holdsApp) releaseApp(wk);
            post(c, wk);
            kick(c);
        });
    }

    private void post(Core c, Worker wk) {
        int e = c.pages.submit(wk.id);
        if (e < 0) {
            c.waitingForEntry.add(wk);                             // waits for a free entry
            return;
        }
        submissionOrder.add(c.id);
        if (coreList.activeCount() == 0 && cores.length > 1) {
            int t = coreList.pick(c.id);
            if (t >= 0) ipiSyscall(cores[t]);
        }
    }

    /** flexsc_wait on core c: pick the first listed core without a syscall thread; run locally or IPI it. */
    private void decide(Core c) {
        if (submissionOrder.isEmpty()) return;                     // everything is being served; sleep
        int t = coreList.pick(-1);
        if (t < 0) return;                                         // every listed core is already serving
        if (t == c.id) {
            c.sleeping = false;
            startSyscallThread(c, cfg.costs().handoffCycles());
        } else {
            ipiSyscall(cores[t]);
        }
    }

    private void ipiSyscall(Core t) {
        if (t.ipiPending || coreList.isActive(t.id)) return;
        t.ipiPending = true;
        sim.schedule(pl.ipiCycles(), s -> {
            t.syscallWanted = true;
            kick(t);
        });
    }

    private void startSyscallThread(Core c, double handoff) {
        coreList.activate(c.id);
        c.syscallActive = true;
        c.batchCount = 0;
        overhead(c, handoff);
        segment(c, handoff, s -> syscallThreadLoop(c));
    }

    /** The active syscall thread on core c: resumed calls first, then submitted entries in order. */
    private void syscallThreadLoop(Core c) {
        if (c.busy) return;
        KCall r = c.resumed.poll();
        if (r != null) {
            resumeActions.remove(r.id()).run();
            return;
        }
        Integer owner = submissionOrder.poll();
        if (owner == null) {
            // batch issued: hand the core back to its user side
            if (c.batchCount > 0) {
                batches++;
                batchedCalls += c.batchCount;
            }
            c.batchCount = 0;
            c.syscallActive = false;
            coreList.deactivate(c.id);
            overhead(c, cfg.costs().handoffCycles());
            segment(c, cfg.costs().handoffCycles(), s -> kick(c));
            return;
        }
        Core oc = cores[owner];
        int e = oc.pages.take();
        Worker wk = workers.get((int) oc.pages.tag(e));
        KCall k = new KCall(wk, owner, e);
        k.execCore = c.id;
        c.batchCount++;
        prepareCall(c, k, false);
        startLockedCall(c, k, () -> {
            Core ec = cores[k.execCore];
            completeEntry(k);
            syscallThreadLoop(ec);
        });
    }

    private void completeEntry(KCall k) {
        Core oc = cores[k.entryOwner];
        oc.pages.complete(k.entry);
        oc.doneEntries.add(k.entry);
        if (oc.sleeping && !oc.busy) {
            if (oc.id == k.execCore) return;                        // woken when the local syscall thread hands back
            oc.sleeping = false;
            oc.busy = true;                                         // the IPI is in flight
            sim.schedule(pl.ipiCycles(), s -> {
                oc.busy = false;
                kick(oc);
            });
        }
    }

    private void wakeCore(Core c) {
        if (c.sleeping && !c.busy) kick(c);
    }

    private void wakeForKernel(Core c) {
        if (!c.busy) kick(c);
    }

    // ------------------------------------------------------------------------------------------------ results
    private Stats stats() {
        double window = cfg.measureCycles();
        double sec = pl.seconds(window);
        double busyUser = 0;
        double busyKernel = 0;
        double[] share = new double[cores.length];
        double totalK = 0;
        for (int i = 0; i < cores.length; i++) {
            busyUser += coreUserCycles[i];
            busyKernel += coreKernelCycles[i];
            totalK += coreKernelCycles[i];
        }
        for (int i = 0; i < cores.length; i++) share[i] = totalK <= 0 ? 0 : coreKernelCycles[i] / totalK;
        double cap = window * cores.length;
        double userPct = 100 * Math.min(1, busyUser / cap);
        double kernelPct = 100 * Math.min(1 - userPct / 100, busyKernel / cap);
        long sub = 0, comp = 0, reap = 0;
        for (Core c : cores) {
            sub += c.pages.submissions();
            comp += c.pages.completions();
            reap += c.pages.reaped();
        }
        // throughput from calls completed (requests progress in lock-step under FlexSC, so whole requests finishing in
        // a short window would be a noisy count); latency from Little's law for a closed loop without think time
        double rps = callsInWindow / (double) w.callsPerRequest() / sec;
        return new Stats(rps, rps <= 0 ? 0 : 1e3 * cfg.clients() / rps,
                userCycles <= 0 ? 0 : userInstr / userCycles, kernelCycles <= 0 ? 0 : kernelInstr / kernelCycles,
                userMiss, userInstr, kernelMiss, kernelInstr, Math.max(0, 100 - userPct - kernelPct), userPct, kernelPct,
                batches == 0 ? 0 : (double) batchedCalls / batches, share, sim.eventsFired(), sim.now(), sub, comp, reap);
    }

    /** Cores asleep with a granted call of theirs waiting to resume (a lost wake-up; tests check it stays 0). */
    int coresAsleepWithGrantedCalls() {
        int n = 0;
        for (Core c : cores) if (c.sleeping && !c.busy && !c.resumed.isEmpty()) n++;
        return n;
    }

    /** Entry states of every core's pages (tests check the state machine's bookkeeping). */
    List<SyscallPages> pages() {
        List<SyscallPages> l = new ArrayList<>();
        for (Core c : cores) l.add(c.pages);
        return l;
    }
}

package org.syscalllab.papers.clustercalls;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import org.syscalllab.mech.ClusterCallBarrier;
import org.syscalllab.mech.ClusterCallBuffer;
import org.syscalllab.mech.ClusterCallCosts;
import org.syscalllab.mech.ClusterCallPoolSpec;
import org.syscalllab.mech.ClusterCallWaitMode;

/**
 * The cluster-call mechanism simulated in time on a {@link Machine} (thesis chapter 5): one client thread with its
 * communication buffer, and worker pools, each with a work queue, a concurrency barrier with blocking detection and
 * kernel-only worker threads bound to the pool's cores.
 *
 * <p>{@code NtClusterCall} (blue flow): enter the kernel, turn every request-stack entry into a work item, take each
 * destination pool's queue lock once and enqueue the batch, set the pool's barrier (waking workers), then wait on the
 * client's completion event according to the pools' wait modes, and return. A worker (green flow): cross the barrier,
 * dequeue one item by loading the queue head and swapping it with a compare-and-exchange, read and capture the slot, run the service (which
 * may block: the barrier then lets another worker run), store the result, push the slot on the reply queue, update the
 * client's wait counter and signal the client if its wait is satisfied. Every shared structure lives in cache lines
 * tracked by {@link CacheLines}, so cross-core execution pays line transfers and contention where it really happens.
 */
final class ClusterCallRuntime {
    /** What executing a call does in the kernel. */
    interface KernelService {
        /** Cycles of the call's own kernel work. */
        long work(int call);

        /**
         * Executes the call after its work: true if it finished; false if it blocked, in which case the service runs
         * {@code resume} (from a later event) when the wait ends.
         */
        boolean complete(int call, int slot, Runnable resume);
    }

    /** What the client does once a cluster call returned and the reply queue was drained. */
    interface Drained {
        void returned(int[] slots, int count);
    }

    final Machine machine;
    final CacheLines lines;
    final ClusterCallCosts k;
    final KernelService service;
    final Pool[] pools;
    final Client client;
    private final long timerTick;
    private final boolean clientWideCount;
    long crossings;
    long callsExecuted;

    /** A runtime whose WaitSome limits count each pool's own finished calls. */
    ClusterCallRuntime(Machine machine, List<ClusterCallPoolSpec> specs, int clientCore, int clientPriority,
                       KernelService service, long timerTickCycles) {
        this(machine, specs, clientCore, clientPriority, service, timerTickCycles, false);
    }

    /**
     * @param timerTickCycles granularity of wait timeouts: a timeout fires at the first tick at or after its deadline
     *                        (0 = exact)
     * @param clientWideCount whether a pool's WaitSome limit counts every finished call of the client (the entries in
     *                        its one reply queue) rather than only the pool's own finished calls
     */
    ClusterCallRuntime(Machine machine, List<ClusterCallPoolSpec> specs, int clientCore, int clientPriority,
                       KernelService service, long timerTickCycles, boolean clientWideCount) {
        if (specs.isEmpty() || specs.size() > 8) throw new IllegalArgumentException("pools = " + specs.size() + "; allowed: 1..8");
        this.machine = machine;
        this.k = machine.costs;
        this.lines = new CacheLines(k.lineTransfer(), k.atomic());
        this.service = service;
        this.timerTick = timerTickCycles;
        this.clientWideCount = clientWideCount;
        this.client = new Client(clientPriority, pinned(clientCore), specs.size(), clientCore);
        this.pools = new Pool[specs.size()];
        for (int i = 0; i < specs.size(); i++) pools[i] = new Pool(i, specs.get(i), clientCore);
    }

    private Machine.RunQueue pinned(int core) {
        Machine.Core c = machine.core(core);
        if (c.queue != null && c.queue.cores.size() == 1) return c.queue;
        return machine.queue(List.of(core));
    }

    /** One worker pool. */
    final class Pool {
        final int index;
        final ClusterCallPoolSpec spec;
        final ArrayDeque<Integer> queue = new ArrayDeque<>();
        final ClusterCallBarrier barrier;
        final Worker[] workers;
        final int lockLine;
        final int headLine;
        final int queueLines;
        long enqueued;

        Pool(int index, ClusterCallPoolSpec spec, int clientCore) {
            this.index = index;
            this.spec = spec;
            this.barrier = new ClusterCallBarrier(spec.concurrency());
            this.lockLine = lines.allocate(1, clientCore);
            this.headLine = lines.allocate(1, spec.coreOfWorker(0));
            this.queueLines = lines.allocate(8192 * 4 / 64, clientCore); // 8192 work-item pointers of 4 bytes
            this.workers = new Worker[spec.workers()];
            for (int w = 0; w < workers.length; w++) {
                workers[w] = new Worker(this, w, pinned(spec.coreOfWorker(w)));
                barrier.enlist(w);
            }
        }
    }

    /** A kernel-only worker thread of a pool. */
    final class Worker extends Machine.SimThread {
        final Pool pool;
        final int id;

        Worker(Pool pool, int id, Machine.RunQueue q) {
            machine.super("pool" + pool.index + ".worker" + id, pool.spec.priority(), q);
            this.pool = pool;
            this.id = id;
        }

        /** Ask the barrier for work, dequeue one item, run it. */
        void next() {
            if (!pool.barrier.mayProceed(id)) {
                compute(k.waitEnter(), this::block);
                return;
            }
            int core = coreId();
            long t = machine.sim.now();
            // lock-free dequeue: load the head, then compare-and-exchange it; with other workers on other cores the
            // load and the exchange may each have to fetch the line
            long cyc = lines.load(pool.headLine, core, t);
            Integer slot = pool.queue.poll();
            if (slot != null) cyc += lines.atomic(pool.headLine, core, t + cyc);
            if (slot == null) {
                pool.barrier.resetAndWait(id);
                compute(cyc + k.waitEnter(), this::block);
                return;
            }
            int s = slot;
            int call = client.buffer.callNumber(s);
            cyc += lines.read(client.slotLines + ClusterCallBuffer.slotLine(s), core) + k.capture() + service.work(call);
            compute(cyc, () -> {
                callsExecuted++;
                boolean done = service.complete(call, s, () -> {
                    pool.barrier.onUnblocked();
                    wake(() -> finish(s), -1);
                });
                if (done) {
                    finish(s);
                } else {
                    int other = pool.barrier.onBlocked(pool.queue.size());
                    long c = k.waitEnter();
                    if (other >= 0) {
                        c += k.signal();
                        Worker o = pool.workers[other];
                        int from = coreId();
                        compute(c, () -> {
                            o.wake(o::next, from);
                            block();
                        });
                    } else {
                        compute(c, this::block);
                    }
                }
            });
        }

        /** Store the result, push the reply, run the wait logic. */
        void finish(int s) {
            int core = coreId();
            long t = machine.sim.now();
            long cyc = lines.write(client.slotLines + ClusterCallBuffer.slotLine(s), core);
            cyc += lines.atomic(client.replyTailLine, core, t + cyc);
            cyc += lines.write(client.replyLines + ClusterCallBuffer.replyLine(client.buffer.nextReplyPosition()), core);
            cyc += lines.atomic(client.waitLine, core, t + cyc);
            compute(cyc, () -> {
                client.buffer.reply(s, 0);
                Drained waiter = client.completion(pool);
                if (waiter != null) {
                    int from = coreId();
                    compute(k.signal(), () -> {
                        client.resume(waiter, from);
                        next();
                    });
                } else {
                    next();
                }
            });
        }
    }

    /** The cluster-call client: a user thread with its communication buffer and wait state. */
    final class Client extends Machine.SimThread {
        final ClusterCallBuffer buffer;
        final int[] pending;
        final int[] completed;
        final boolean[] timedOut;
        final int slotLines;
        final int replyLines;
        final int replyTailLine;
        final int waitLine;
        final int homeCore;
        private final int[] tmp = new int[ClusterCallBuffer.SLOTS];
        private long epoch;
        private Drained waiter;
        long batches;
        long batchedCalls;

        Client(int priority, Machine.RunQueue q, int pools, int core) {
            machine.super("client", priority, q);
            this.buffer = new ClusterCallBuffer(pools);
            this.pending = new int[pools];
            this.completed = new int[pools];
            this.timedOut = new boolean[pools];
            this.homeCore = core;
            this.slotLines = lines.allocate(ClusterCallBuffer.SLOTS * ClusterCallBuffer.ENTRY_BYTES / 64, core);
            this.replyLines = lines.allocate(ClusterCallBuffer.SLOTS * ClusterCallBuffer.REF_BYTES / 64, core);
            this.replyTailLine = lines.allocate(1, core);
            this.waitLine = lines.allocate(1, core);
        }

        /** SCAL: store a request in the fiber's slot and push it on the pool's stack; returns the cycles of the stores. */
        long request(int slot, int pool, int call) {
            buffer.request(slot, pool, call);
            return lines.write(slotLines + ClusterCallBuffer.slotLine(slot), homeCore);
        }

        /** NtClusterCall: deliver every stacked request, wait per the wait modes, return and drain the replies. */
        void clusterCall(Drained after) {
            crossings++;
            int core = coreId();
            long t = machine.sim.now();
            long cyc = k.trapEntry();
            int[][] taken = new int[pools.length][];
            for (Pool p : pools) {
                int n = buffer.take(p.index, tmp);
                if (n == 0) continue;
                batches++;
                batchedCalls += n;
                taken[p.index] = Arrays.copyOf(tmp, n);
                cyc += n * k.workItem();
                cyc += lines.atomic(p.lockLine, core, t + cyc);
                for (int i = 0; i < n; i += 16) cyc += lines.write(p.queueLines + (int) (((p.enqueued + i) % 8192) * 4 / 64), core);
                cyc += lines.atomic(p.lockLine, core, t + cyc);
                p.enqueued += n;
                pending[p.index] += n;
            }
            compute(cyc, () -> {
                // set each pool's barrier; readying every released worker is one signal's work
                int readied = 0;
                for (Pool p : pools) {
                    int[] tk = taken[p.index];
                    if (tk == null) continue;
                    for (int s : tk) p.queue.add(s);
                    for (int w : p.barrier.signal(p.queue.size())) {
                        Worker wk = p.workers[w];
                        wk.wake(wk::next, core);
                        readied++;
                    }
                }
                if (readied == 0) enterWait(after);
                else compute(readied * k.signal(), () -> enterWait(after));
            });
        }

        /** NtWaitForSystemCallCompletion: enter the kernel only to wait. */
        void waitForCompletion(Drained after) {
            crossings++;
            compute(k.trapEntry(), () -> enterWait(after));
        }

        private void enterWait(Drained after) {
            if (satisfied()) {
                exit(after);
                return;
            }
            compute(k.waitEnter(), () -> {
                if (satisfied()) {
                    exit(after);
                } else {
                    waiter = after;
                    block();
                }
            });
        }

        /** A worker finished a call of pool {@code p}; returns the waiter to release, if the wait is now satisfied. */
        Drained completion(Pool p) {
            pending[p.index]--;
            completed[p.index]++;
            if (completed[p.index] == 1 && p.spec.waitMode() == ClusterCallWaitMode.WAIT_SOME) {
                long due = machine.sim.now() + machine.nsToCycles(p.spec.someTimeoutNs());
                if (timerTick > 0) due = (due + timerTick - 1) / timerTick * timerTick;
                long myEpoch = epoch;
                machine.sim.scheduleAt(due, 0, s -> {
                    if (epoch != myEpoch) return;
                    timedOut[p.index] = true;
                    if (waiter != null && satisfied()) resume(takeWaiter(), -1);
                });
            }
            if (waiter != null && satisfied()) return takeWaiter();
            return null;
        }

        private Drained takeWaiter() {
            Drained w = waiter;
            waiter = null;
            return w;
        }

        void resume(Drained after, int fromCore) {
            wake(() -> exit(after), fromCore);
        }

        private void exit(Drained after) {
            compute(k.trapExit(), () -> scalDrain(after));
        }

        /**
         * SCAL reads the reply queue (after a return from the kernel, or on any redirected call): finished slots are
         * handed to {@code after}; the wait logic's counts start again.
         */
        void scalDrain(Drained after) {
            int n = buffer.drain(tmp);
            epoch++;
            Arrays.fill(completed, 0);
            Arrays.fill(timedOut, false);
            int core = coreId();
            long cyc = 0;
            for (int i = 0; i < n; i++) {
                cyc += lines.read(replyLines + ClusterCallBuffer.replyLine(i), core);
                cyc += lines.read(slotLines + ClusterCallBuffer.slotLine(tmp[i]), core);
            }
            int[] slots = Arrays.copyOf(tmp, n);
            if (cyc == 0) after.returned(slots, n);
            else compute(cyc, () -> after.returned(slots, n));
        }

        private boolean satisfied() {
            boolean involved = false, allNoWait = true;
            for (Pool p : pools) {
                int i = p.index;
                if (pending[i] == 0 && completed[i] == 0) continue;
                involved = true;
                if (p.spec.waitMode() != ClusterCallWaitMode.NO_WAIT) allNoWait = false;
            }
            if (!involved || allNoWait) return true;
            int all = 0;
            for (int c : completed) all += c;
            for (Pool p : pools) {
                int i = p.index;
                if (pending[i] == 0 && completed[i] == 0) continue;
                ClusterCallWaitMode m = p.spec.waitMode();
                if (m == ClusterCallWaitMode.NO_WAIT) continue;
                if (m == ClusterCallWaitMode.WAIT_SOME && clientWideCount) {
                    if (all >= p.spec.someLimit() || (completed[i] >= 1 && timedOut[i])) return true;
                } else if (m.satisfied(completed[i], pending[i], p.spec.someLimit(), timedOut[i])) {
                    return true;
                }
            }
            return false;
        }
    }

}

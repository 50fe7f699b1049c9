package org.syscalllab.os;

import java.util.ArrayDeque;
import java.util.List;

/**
 * User-level threads (fibers) multiplexed on one kernel thread (M:N with M fibers per kernel thread). The fibers take
 * turns round-robin: a fiber's {@link Op.Yield} switches to the next fiber in user mode for {@code switchCycles}
 * instead of entering the kernel; every other step (including system calls, which may block the whole kernel thread,
 * as in M:N libraries without scheduler activations) runs on the carrier. The carrier exits when every fiber has.
 */
public final class UserThreads implements ThreadBody {
    private final ArrayDeque<ThreadBody> ready;
    private final long switchCycles;
    private long switches;

    public UserThreads(List<ThreadBody> fibers, long switchCycles) {
        if (fibers == null || fibers.isEmpty()) throw new IllegalArgumentException("fibers must not be empty");
        if (switchCycles < 0) throw new IllegalArgumentException("switch_cycles = " + switchCycles + " is not allowed; allowed: >= 0");
        this.ready = new ArrayDeque<>(fibers);
        this.switchCycles = switchCycles;
    }

    @Override
    public Op next(KThread self) {
        while (!ready.isEmpty()) {
            ThreadBody f = ready.peek();
            Op op = f.next(self);
            if (op instanceof Op.Exit) {
                ready.poll();
                if (!ready.isEmpty()) {
                    switches++;
                    return new Op.User(switchCycles);
                }
                continue;
            }
            if (op instanceof Op.Yield) {
                ready.add(ready.poll());
                switches++;
                return new Op.User(switchCycles);
            }
            return op;
        }
        return Op.EXIT;
    }

    /** User-level switches so far. */
    public long switches() { return switches; }

    /** Fibers not yet finished. */
    public int fibers() { return ready.size(); }
}

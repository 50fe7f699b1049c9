package org.syscalllab.os;

import org.syscalllab.os.device.Device;

/**
 * One step of a thread's program, as the {@link Kernel} executes it. Timed steps ({@link User}, {@link Work}) keep
 * the CPU busy; lock steps may spin or sleep; {@link Io}, {@link Sleep}, {@link Wait} and {@link Park} block the
 * thread until a device, a timer, a queue item or an {@link Unpark} wakes it, exactly once.
 */
public sealed interface Op {
    /** User-mode computation (preemptible by timer ticks). */
    record User(long cycles) implements Op {
        public User {
            if (cycles < 0) throw new IllegalArgumentException("user cycles = " + cycles + " is not allowed; allowed: >= 0");
        }
    }

    /** Kernel-mode work on the current CPU (not preemptible). */
    record Work(long cycles) implements Op {
        public Work {
            if (cycles < 0) throw new IllegalArgumentException("kernel cycles = " + cycles + " is not allowed; allowed: >= 0");
        }
    }

    /** A system call by name: the organisation expands it into steps from the system-call table. */
    record Syscall(String name) implements Op { }

    /** Take a lock (created on first use with the given kind and shared lines). */
    record Acquire(String lock, org.syscalllab.os.lock.LockKind kind, boolean write) implements Op { }

    /** Release a lock this thread holds. */
    record Release(String lock) implements Op { }

    /** Block on a device request. */
    record Io(Device device, long block, long bytes) implements Op { }

    /** Block for a time. */
    record Sleep(long cycles) implements Op { }

    /** Take an item from a wait queue, blocking while it is empty; the item is then {@link KThread#received()}. */
    record Wait(WaitQueue queue) implements Op { }

    /** Put an item into a wait queue, waking its first waiter if any. */
    record Post(WaitQueue queue, Object item) implements Op { }

    /** Block until another thread unparks this one. */
    record Park() implements Op { }

    /** Wake a parked thread. */
    record Unpark(KThread thread) implements Op { }

    /** Give the CPU to the next ready thread. */
    record Yield() implements Op { }

    /** The thread ends. */
    record Exit() implements Op { }

    Op YIELD = new Yield();
    Op EXIT = new Exit();
    Op PARK = new Park();
}

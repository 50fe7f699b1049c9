/**
 * Kernel locks and the lock-granularity policy. A {@link org.syscalllab.os.lock.Lock} is a spin lock (waiters keep
 * their CPU busy, spinning), a mutex (waiters sleep) or a reader/writer semaphore; every lock hands itself over in FIFO
 * order, keeps contention statistics, and remembers which CPU last held it so that the OS model can charge the
 * transfer of the data it protects when the next holder runs on another CPU. A {@link
 * org.syscalllab.os.lock.Granularity} says which locks a system call takes: one giant lock, one lock per subsystem,
 * fine-grained per-object locks, or a custom map from call to locks.
 */
package org.syscalllab.os.lock;

/**
 * Beyond the papers: exception-less calls, io_uring and epoll-style event-driven servers on the same cost model as the
 * papers' mechanisms. An event loop per core serves closed-loop connections; each request costs user work plus a few
 * system calls, made synchronously (one trap each, after an {@code epoll_wait} per loop iteration), exception-lessly
 * through FlexSC's syscall pages (a libflexsc-style library: entries executed by syscall threads on the loop's core
 * after one {@code flexsc_wait}, or on dedicated cores), or through io_uring rings (one {@code io_uring_enter} per
 * batch, or none with a SQPOLL kernel thread that polls every ring on its own core, sleeps after an idle timeout and
 * must then be woken). Throughput, latency and CPU spent come out of the discrete-event simulation; the machine is a
 * {@link org.syscalllab.hw.Platform} preset, the request shapes are this package's
 * {@link org.syscalllab.papers.whatif.Workload}s. {@code whatif.modern} runs FlexSC's own Apache and MySQL server model
 * ({@link org.syscalllab.papers.flexsc.ServerModel}) on the modern presets.
 */
package org.syscalllab.papers.whatif;

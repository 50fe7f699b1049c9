/**
 * Cluster calls (Rittinghaus, "System Call Aggregation for a Hybrid Thread Model", KIT 2010), as the thesis's methods
 * section describes them: a client thread whose fibers' system calls are aggregated in user mode and delivered in one
 * kernel crossing to worker pools bound to cores, measured first by an overhead benchmark (Table 3.1, Figs 6.1/6.2,
 * Table 6.2: per-call time against batch size, same-core, remote and parallel execution) and then inside a static-page
 * web server driven by ApacheBench and compared with the dedicated-thread, thread-pool and completion-port I/O models
 * (Fig. 6.3, Table 6.5, Fig. 6.4). The mechanism's logic (buffer, barrier, wait modes, costs) is in
 * {@code org.syscalllab.mech}; here it runs in time on a small machine model, and every input is in {@code ThesisInputs}.
 */
package org.syscalllab.papers.clustercalls;

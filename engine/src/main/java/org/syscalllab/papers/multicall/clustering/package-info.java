/**
 * The paper's profile-directed clustering algorithm, run on a small program representation: a structured program
 * of system calls, user statements, branches and loops ({@link org.syscalllab.papers.multicall.clustering.Stmt}); an
 * interpreter that executes it against a file model and records the system-call trace, as strace would; the
 * system-call graph built from that trace (Fig. 4); the control-flow graph with dominators; the fragment finder that
 * grows clusterable regions greedily along the heaviest edges under the five conditions of §3.2 (Fig. 6), with the
 * looped-region rule of §3.4; the compiler transformations of §3.3 (loop rotation, code motion, error-handler
 * restructuring) that enlarge clusters; and the rewriter that turns each region into a multi-call (Fig. 7).
 */
package org.syscalllab.papers.multicall.clustering;

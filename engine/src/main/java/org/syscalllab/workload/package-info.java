/**
 * Workload generators: null-call loops, compute kernels with injected calls, closed-loop servers, file tools and parallel programs, each calibrated from the papers' inputs.
 */
package org.syscalllab.workload;

/**
 * JMH benchmarks of the event loop: the classic hold model (N pending events; each hold removes the earliest and
 * schedules it again at now plus a random increment) on this engine, on SSJ 3.3.2 and on DSOL 4.2.2, all fed the same
 * table of increments. {@link org.syscalllab.bench.BenchMain} runs them and prints ns per hold with the JMH error and
 * the ratio to the faster peer.
 */
package org.syscalllab.bench;

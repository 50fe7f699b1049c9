/**
 * The hardware model: platform records with each paper's machine as a preset (every constant sourced or marked as an assumption), caches and TLBs at two fidelity levels behind one interface, and a core timing model that turns instructions and misses into cycles and per-mode IPC.
 */
package org.syscalllab.hw;

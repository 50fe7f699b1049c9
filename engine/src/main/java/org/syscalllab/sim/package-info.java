/**
 * The discrete-event core: a {@link org.syscalllab.sim.Simulation} owns time (long cycles of a reference clock), pending events ordered by (time, priority, sequence), cancellation by handle, named seeded random streams and streaming statistics. Nothing here is static and mutable; a run is one instance.
 */
package org.syscalllab.sim;

/**
 * Experiments as data: declared parameters validated before a run, a catalog of every registered experiment, a runner that turns a spec into a tidy {@link org.syscalllab.experiment.Result} with its resolved configuration and host statistics, and parallel sweeps whose results do not depend on the thread count.
 */
package org.syscalllab.experiment;

/**
 * The command line behind {@code ./lab}: {@code list} (every experiment with its parameters, defaults, allowed values and
 * x parameter), {@code run} (a tidy CSV; a bad {@code --set} prints the validation message and exits 2) and {@code check}
 * (the claims of {@code datasets/claims.csv}, evaluated by {@link org.syscalllab.report.Scorecard} with the semantics of
 * {@link org.syscalllab.report.Claim}; with {@code --gate}, against the known misses). {@code bench} lives in the
 * {@code bench} module.
 */
package org.syscalllab.cli;

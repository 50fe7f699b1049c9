/**
 * The command line behind {@code ./lab}: {@code list}, {@code run}, {@code check} and {@code bench}, following the contracts in the architecture brief.
 */
package org.syscalllab.cli;

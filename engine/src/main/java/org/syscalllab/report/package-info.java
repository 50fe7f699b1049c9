/**
 * Showing results: JFreeChart builders, HTML tables, paper-versus-simulation overlays and the scorecard. {@link org.syscalllab.report.Displayable} lets engine objects render themselves in a notebook without a Jupyter dependency.
 */
package org.syscalllab.report;

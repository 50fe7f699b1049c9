/**
 * System-call mechanisms, one class each behind one interface: the synchronous trap, FlexSC exception-less calls, multi-calls, Cosy compounds, cluster calls and io_uring.
 */
package org.syscalllab.mech;

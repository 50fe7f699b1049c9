/**
 * A demonstration of the experiment API on a textbook model whose answer is known in closed form: the M/M/1 queue
 * simulated on the event loop ({@code demo.mm1}). Its claims compare with the analytic M/M/1 values, not with a paper,
 * and show how a paper package is laid out: one provider, one class per figure, parameters with the defaults of the
 * setup.
 */
package org.syscalllab.papers.demo;

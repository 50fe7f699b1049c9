/**
 * One package per paper; each figure or table is a named experiment whose defaults are the paper's setup.
 */
package org.syscalllab.papers;

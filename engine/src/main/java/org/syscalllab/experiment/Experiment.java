package org.syscalllab.experiment;

import java.util.List;

/**
 * A named, parameterised experiment: one figure or table of a paper (or a what-if study). Its defaults are the
 * paper's setup; its parameters are the ones a reader wants to change. {@link #run} must produce its numbers from the
 * simulated mechanism only: it never reads the published datasets.
 *
 * <p>Implementations are stateless; a run's state lives in the objects {@code run} creates.
 */
public interface Experiment {

    /** {@code <paper>.<figure-or-table>} in lower case, e.g. {@code flexsc.fig2}. */
    String id();

    /** A one-line title, e.g. "Xalan user IPC vs instructions between system calls". */
    String title();

    /** What is simulated and how, in a few sentences (shown by {@code ./lab list} and in notebooks). */
    default String description() { return title(); }

    /** The swept parameter that the {@code x} column holds, e.g. {@code instructions_between_calls}. */
    String xParameter();

    /** Every parameter with its default (the paper's setup). A {@code seed} parameter is added by the framework. */
    List<Param> parameters();

    /** Runs the experiment; rows go to {@code out} in tidy form. */
    void run(Params params, RunContext ctx, TidyRows out);

    /** The paper part of the id. */
    default String paper() {
        int dot = id().indexOf('.');
        return dot < 0 ? id() : id().substring(0, dot);
    }
}

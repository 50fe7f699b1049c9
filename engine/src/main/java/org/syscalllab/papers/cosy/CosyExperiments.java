package org.syscalllab.papers.cosy;

import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.ExperimentProvider;

/** The Cosy paper's figures 2 to 7 as experiments. */
public final class CosyExperiments implements ExperimentProvider {
    @Override
    public List<Experiment> experiments() {
        return List.of(new Fig2Getpid(), new Fig3Database(), new Fig4DatabaseTimes(), new Fig5Bonnie(), new Fig6Ls(), new Fig7Grep());
    }
}

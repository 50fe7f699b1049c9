package org.syscalllab.papers.demo;

import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.ExperimentProvider;

/** The demo package's experiments. */
public final class DemoExperiments implements ExperimentProvider {
    @Override
    public List<Experiment> experiments() {
        return List.of(new Mm1Queue());
    }
}

package org.syscalllab.papers.whatif;

import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.ExperimentProvider;

/** The what-if experiments: io_uring SQPOLL and event-driven servers on old and modern machines. */
public final class WhatIfProvider implements ExperimentProvider {
    @Override
    public List<Experiment> experiments() {
        return List.of(new EventDrivenExperiment(), new SqpollExperiment(), new ModernServersExperiment());
    }
}

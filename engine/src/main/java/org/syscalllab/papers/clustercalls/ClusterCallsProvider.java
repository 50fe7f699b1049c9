package org.syscalllab.papers.clustercalls;

import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.ExperimentProvider;

/** The experiments of the cluster-call thesis (Rittinghaus 2010). */
public final class ClusterCallsProvider implements ExperimentProvider {
    @Override
    public List<Experiment> experiments() {
        return List.of(new Table3_1(), new Fig6_1(), new Fig6_2(), new Table6_2(), new Fig6_3(), new Table6_5(), new Fig6_4());
    }
}

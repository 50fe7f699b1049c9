package org.syscalllab.papers.mpkernel;

import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.ExperimentProvider;

/** The experiments of Kågström's thesis. */
public final class MpKernelProvider implements ExperimentProvider {
    @Override
    public List<Experiment> experiments() {
        return List.of(new InHouseGiantLock(), new GetpidLatency(), new SingleProcess(), new ParallelAndMultiprogramming(), new Postmark(), new DesignSpace());
    }
}

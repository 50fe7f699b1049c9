package org.syscalllab.papers.multicall;

import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.ExperimentProvider;

/** The experiments of System Call Clustering (multi-calls). */
public final class MulticallProvider implements ExperimentProvider {
    @Override
    public List<Experiment> experiments() {
        return List.of(new Table1EntryExit(), new Table2Platforms(), new Table3Copy(), new Fig8BlockSize(), new Table4MpegPlay());
    }
}

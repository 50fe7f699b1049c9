package org.syscalllab.papers.flexsc;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.ExperimentProvider;

/** FlexSC part 1 (the cost of a system call): Table 1 and Figures 1-4. */
public final class FlexscCostProvider implements ExperimentProvider {
    @Override
    public List<Experiment> experiments() {
        List<Experiment> l = new ArrayList<>();
        l.add(new Table1Footprint());
        l.add(new Fig1IpcAfterCall());
        l.addAll(Fig2UserIpcVsFrequency.both());
        l.add(new Fig4KernelIpcVsFrequency());
        return l;
    }
}

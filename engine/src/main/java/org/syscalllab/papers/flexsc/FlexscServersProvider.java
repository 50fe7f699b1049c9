package org.syscalllab.papers.flexsc;

import java.util.ArrayList;
import java.util.List;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.ExperimentProvider;

/** FlexSC part 2 (exception-less calls and FlexSC-Threads): Figures 9-16, Tables 4-5 and BIND. */
public final class FlexscServersProvider implements ExperimentProvider {
    @Override
    public List<Experiment> experiments() {
        List<Experiment> l = new ArrayList<>();
        l.addAll(Fig9NullCallBatch.both());
        l.addAll(ServerThroughput.all());
        l.add(new Fig12Breakdown());
        l.addAll(ServerLatency.all());
        l.add(new Fig16Entries());
        l.addAll(MicroArchTable.all());
        return l;
    }
}

package org.syscalllab.experiment;

import java.util.List;

/**
 * Supplies experiments to the {@link Catalog}. Each paper package has one provider, listed in
 * {@code META-INF/services/org.syscalllab.experiment.ExperimentProvider}.
 */
public interface ExperimentProvider {
    List<Experiment> experiments();
}

package org.syscalllab.experiment;

/** Receives progress of a sweep: how many points, and each point as it completes (may be called from any thread). */
public interface Progress {
    Progress NONE = new Progress() {
        @Override public void start(int points) { }
        @Override public void pointDone() { }
        @Override public void finish() { }
    };

    void start(int points);

    void pointDone();

    void finish();
}

package org.syscalllab.papers.demo;

import java.util.List;
import java.util.random.RandomGenerator;
import org.syscalllab.experiment.Experiment;
import org.syscalllab.experiment.Param;
import org.syscalllab.experiment.Params;
import org.syscalllab.experiment.PointCodec;
import org.syscalllab.experiment.RunContext;
import org.syscalllab.experiment.TidyRows;
import org.syscalllab.sim.Simulation;
import org.syscalllab.sim.Tally;
import org.syscalllab.sim.TimeWeighted;

/**
 * {@code demo.mm1}: a single FIFO server with Poisson arrivals and exponential service, simulated event by event.
 * For each utilisation ρ in the sweep, arrivals come at rate ρ/S (S the mean service time); after a warm-up of some
 * departures the statistics restart, and the run ends when the measured number of customers has departed. It reports
 * the mean wait in the queue, the mean response time, the time-average number in the system and the fraction of time
 * the server was busy: all measured from the simulated queue, never from a formula.
 */
public final class Mm1Queue implements Experiment {
    static final String SERIES = "mm1";

    @Override public String id() { return "demo.mm1"; }

    @Override public String title() { return "M/M/1 queue: waiting time and queue length vs utilisation"; }

    @Override
    public String description() {
        return "Poisson arrivals to one FIFO server with exponential service, simulated on the event loop; "
                + "swept over the utilisation. Compare with the analytic M/M/1 values.";
    }

    @Override public String xParameter() { return "utilisation"; }

    @Override
    public List<Param> parameters() {
        return List.of(
                Param.ofDoubleList("utilisation", List.of(0.1, 0.3, 0.5, 0.7, 0.8, 0.9), 0.01, 0.99, "",
                        "offered load ρ = arrival rate × mean service time (the x of the sweep)"),
                Param.ofInt("mean_service_cycles", 10_000, 10, 1_000_000_000L, "cycles",
                        "mean of the exponential service time (ASSUMPTION: any scale works; 10^4 makes rounding to whole cycles negligible)"),
                Param.ofInt("customers", 200_000, 100, 100_000_000L, "",
                        "departures measured per point, after the warm-up"),
                Param.ofInt("warmup_customers", 20_000, 0, 100_000_000L, "",
                        "departures before the statistics restart (removes the empty-start bias)"));
    }

    @Override
    public void run(Params p, RunContext ctx, TidyRows out) {
        long service = p.getLong("mean_service_cycles");
        long customers = p.getLong("customers");
        long warmup = p.getLong("warmup_customers");
        List<Double> rhos = p.getDoubleList("utilisation");
        List<TidyRows> points = ctx.sweepOver("utilisation", rhos, PointCodec.ROWS, (rho, pc) -> point(rho, service, customers, warmup, pc));
        for (TidyRows t : points) out.addAll(t);
    }

    private TidyRows point(double rho, long meanService, long customers, long warmup, RunContext ctx) {
        Simulation sim = ctx.newSimulation();
        Server s = new Server(sim, meanService / rho, meanService, customers, warmup);
        s.start();
        sim.run();
        long end = sim.now();
        TidyRows t = new TidyRows("demo.mm1");
        t.add(SERIES, rho, "mean_wait_cycles", s.waits.mean());
        t.add(SERIES, rho, "mean_response_cycles", s.responses.mean());
        t.add(SERIES, rho, "mean_number_in_system", s.inSystem.mean(end));
        t.add(SERIES, rho, "utilisation", s.busy.mean(end));
        return t;
    }

    /** The queue and its server: two event kinds, arrival and departure. */
    private static final class Server {
        final Simulation sim;
        final RandomGenerator arrivals;
        final RandomGenerator services;
        final double meanInterarrival;
        final double meanService;
        final long measured;
        final long warmup;
        final TimeWeighted inSystem;
        final TimeWeighted busy;
        final Tally waits = new Tally();
        final Tally responses = new Tally();
        long[] queue = new long[1024]; // arrival times, FIFO ring: the one in service is at head
        int head;
        int size;
        long departures;
        long serviceStart;

        Server(Simulation sim, double meanInterarrival, double meanService, long measured, long warmup) {
            this.sim = sim;
            this.arrivals = sim.stream("arrivals");
            this.services = sim.stream("service");
            this.meanInterarrival = meanInterarrival;
            this.meanService = meanService;
            this.measured = measured;
            this.warmup = warmup;
            this.inSystem = new TimeWeighted(0, 0);
            this.busy = new TimeWeighted(0, 0);
        }

        void start() { sim.schedule(exp(arrivals, meanInterarrival), this::arrive); }

        void arrive(Simulation s) {
            long now = s.now();
            push(now);
            inSystem.set(now, size);
            if (size == 1) beginService(now);
            s.schedule(exp(arrivals, meanInterarrival), this::arrive);
        }

        void beginService(long now) {
            serviceStart = now;
            busy.set(now, 1);
            sim.schedule(exp(services, meanService), this::depart);
        }

        void depart(Simulation s) {
            long now = s.now();
            long arrived = queue[head];
            head = (head + 1) & (queue.length - 1);
            size--;
            departures++;
            if (departures > warmup) {
                waits.add(serviceStart - arrived);
                responses.add(now - arrived);
            }
            inSystem.set(now, size);
            if (size > 0) beginService(now); else busy.set(now, 0);
            if (departures == warmup) {
                inSystem.reset(now);
                busy.reset(now);
            }
            if (departures == warmup + measured) s.stop();
        }

        void push(long t) {
            if (size == queue.length) {
                long[] q = new long[queue.length * 2];
                for (int i = 0; i < size; i++) q[i] = queue[(head + i) & (queue.length - 1)];
                queue = q;
                head = 0;
            }
            queue[(head + size) & (queue.length - 1)] = t;
            size++;
        }

        /** An exponential sample rounded to whole cycles. */
        static long exp(RandomGenerator g, double mean) {
            return Math.round(-mean * Math.log(1.0 - g.nextDouble()));
        }
    }
}

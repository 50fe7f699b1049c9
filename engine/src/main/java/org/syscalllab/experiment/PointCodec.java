package org.syscalllab.experiment;

import java.util.List;
import org.syscalllab.report.Csv;

/**
 * Turns one sweep point's result into text and back, so that {@link RunContext#sweepOver} can keep it in the
 * {@link ResultCache}. A codec must round-trip exactly (doubles are written with {@link Double#toString}, which
 * {@link Double#parseDouble} reads back bit for bit), so that a cached point equals a fresh one. {@link #decode} throws
 * {@link IllegalArgumentException} on text it did not write; the cache then recomputes the point.
 */
public interface PointCodec<R> {
    String encode(R value);

    R decode(String text);

    /** A point's tidy rows: the experiment id on the first line, then one CSV record per row. */
    PointCodec<TidyRows> ROWS = new PointCodec<>() {
        @Override
        public String encode(TidyRows t) {
            StringBuilder sb = new StringBuilder(Csv.field(t.experiment())).append('\n');
            for (int i = 0; i < t.size(); i++) {
                sb.append(Csv.field(t.series(i))).append(',').append(Csv.field(t.x(i))).append(',')
                  .append(Csv.field(t.metric(i))).append(',').append(Double.toString(t.value(i))).append('\n');
            }
            return sb.toString();
        }

        @Override
        public TidyRows decode(String text) {
            List<List<String>> recs = Csv.parse(text);
            if (recs.isEmpty() || recs.get(0).size() != 1) throw new IllegalArgumentException("no experiment line");
            TidyRows t = new TidyRows(recs.get(0).get(0));
            for (List<String> r : recs.subList(1, recs.size())) {
                if (r.size() != 4) throw new IllegalArgumentException("a row has " + r.size() + " fields; expected 4");
                t.add(r.get(0), r.get(1), r.get(2), Double.parseDouble(r.get(3)));
            }
            return t;
        }
    };

    /** A vector of doubles, comma separated. */
    PointCodec<double[]> DOUBLES = new PointCodec<>() {
        @Override
        public String encode(double[] v) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ",").append(Double.toString(v[i]));
            return sb.toString();
        }

        @Override
        public double[] decode(String text) {
            if (text.isEmpty()) return new double[0];
            String[] f = text.split(",", -1);
            double[] v = new double[f.length];
            for (int i = 0; i < f.length; i++) v[i] = Double.parseDouble(f[i]);
            return v;
        }
    };

    /** One long. */
    PointCodec<Long> LONG = new PointCodec<>() {
        @Override public String encode(Long v) { return Long.toString(v); }

        @Override public Long decode(String text) { return Long.parseLong(text.trim()); }
    };

    /** One double. */
    PointCodec<Double> DOUBLE = new PointCodec<>() {
        @Override public String encode(Double v) { return Double.toString(v); }

        @Override public Double decode(String text) { return Double.parseDouble(text.trim()); }
    };
}

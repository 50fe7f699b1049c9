package org.syscalllab.papers.multicall.clustering;

import java.util.Map;

/**
 * A branch condition on one variable and a constant ({@code n > 0}, {@code res < 0}): the only control decisions a
 * clusterable region may contain are tests of system-call results.
 */
public record Cond(String var, Op op, long value) {
    /** Comparison operators. */
    public enum Op {
        LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

        final String symbol;

        Op(String symbol) { this.symbol = symbol; }
    }

    public Cond {
        if (var == null || var.isBlank()) throw new IllegalArgumentException("var must not be blank");
        if (op == null) throw new IllegalArgumentException("op must not be null");
    }

    public boolean test(Map<String, Long> env) {
        Long x = env.get(var);
        if (x == null) throw new IllegalStateException("variable " + var + " read before it is set");
        return switch (op) {
            case LT -> x < value;
            case LE -> x <= value;
            case GT -> x > value;
            case GE -> x >= value;
            case EQ -> x == value;
            case NE -> x != value;
        };
    }

    @Override
    public String toString() { return var + " " + op.symbol + " " + value; }
}

package org.syscalllab.papers.multicall.clustering;

import java.util.Set;

/**
 * One argument of a system call as written in the program. Argument safety (§3.2, condition 4) allows a constant, a
 * variable defined outside the region, or the result of an earlier call of the region; an arbitrary expression is not
 * allowed, since the kernel would have to evaluate user code.
 */
public sealed interface Arg permits Arg.Const, Arg.Var, Arg.Expr {

    /** How the argument is written in the program text. */
    String text();

    /** A constant; {@code text} is how it is written ({@code O_RDONLY}, {@code argv[1]}, {@code 4096}). */
    record Const(String text, long value) implements Arg {
        public Const {
            if (text == null || text.isBlank()) throw new IllegalArgumentException("text must not be blank");
        }
    }

    /** A variable, passed by reference in a multi-call. */
    record Var(String name) implements Arg {
        public Var {
            if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("name = " + name + " is not allowed; allowed: an identifier");
            }
        }

        @Override
        public String text() { return name; }
    }

    /**
     * An expression over variables ({@code n * 2}); {@code value} names the variable whose value the interpreter
     * passes (the interpreter needs only sizes and descriptors, not arithmetic).
     */
    record Expr(String text, Set<String> reads, String value) implements Arg {
        public Expr {
            if (text == null || text.isBlank()) throw new IllegalArgumentException("text must not be blank");
            reads = Set.copyOf(reads);
            if (!reads.contains(value)) throw new IllegalArgumentException("value = " + value + " is not allowed; allowed: one of " + reads);
        }
    }

    static Arg c(String text, long value) { return new Const(text, value); }

    static Arg c(long value) { return new Const(Long.toString(value), value); }

    static Arg v(String name) { return new Var(name); }
}

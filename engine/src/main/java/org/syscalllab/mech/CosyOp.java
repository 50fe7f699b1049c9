package org.syscalllab.mech;

import java.util.List;

/**
 * One operation of a Cosy compound: a local header (its type, and for a system call the call and the argument flags)
 * followed by its arguments. The types are those of the Cosy language (paper §2.3.1): system calls, arithmetic and
 * assignments, conditionals (which also build {@code while} and {@code do-while} loops), the optimised {@code for}
 * loop, {@code switch}, labels, {@code goto}, and user-supplied functions that run in the kernel.
 */
public sealed interface CosyOp {

    /** Whether the operation reserves a result slot (system calls, arithmetic, user functions). */
    default boolean returnsValue() { return false; }

    /** Arguments the operation reads (for validation of references). */
    default List<CosyArg> reads() { return List.of(); }

    /**
     * A system call, invoked with its arguments pushed straight onto the kernel stack. {@code sharedBuffer} marks a
     * buffer argument that lives in the Cosy shared data buffer ({@code cosy_malloc}): Cosy-GCC then selects the
     * zero-copy version of read, write or stat.
     */
    record Syscall(String call, List<CosyArg> args, boolean sharedBuffer) implements CosyOp {
        public Syscall {
            if (call == null || call.isBlank()) throw new IllegalArgumentException("call must not be blank");
            args = List.copyOf(args);
            if (args.size() > 6) throw new IllegalArgumentException("args of " + call + " = " + args.size() + " is not allowed; allowed: 0..6");
        }

        @Override public boolean returnsValue() { return true; }

        @Override public List<CosyArg> reads() { return args; }
    }

    /** Arithmetic on compound variable {@code var}: {@code var = var (op) operand}, or {@code var = operand}. */
    record Arith(ArithKind kind, int var, CosyArg operand) implements CosyOp {
        public Arith {
            if (kind == null) throw new IllegalArgumentException("kind must not be null");
            if (var < 0) throw new IllegalArgumentException("var = " + var + " is not allowed; allowed: >= 0");
            if (operand == null) throw new IllegalArgumentException("operand must not be null");
        }

        @Override public boolean returnsValue() { return true; }

        @Override public List<CosyArg> reads() { return List.of(operand); }
    }

    /** The arithmetic operators of the Cosy language. */
    enum ArithKind { ASSIGN, ADD, SUB, INC, DEC }

    /** Comparison operators of conditionals and loops. */
    enum Cmp {
        EQ, NE, LT, LE, GT, GE;

        public boolean test(long a, long b) {
            return switch (this) {
                case EQ -> a == b;
                case NE -> a != b;
                case LT -> a < b;
                case LE -> a <= b;
                case GT -> a > b;
                case GE -> a >= b;
            };
        }
    }

    /**
     * A conditional. With {@code jumpWhenTrue == false} (an {@code if} or the head of a {@code while}): when
     * {@code left cmp right} holds, execution continues with the next operation, otherwise it jumps to {@code target}.
     * With {@code jumpWhenTrue == true} (the tail of a {@code do-while}): it jumps to {@code target} when the condition
     * holds.
     */
    record Cond(CosyArg left, Cmp cmp, CosyArg right, int target, boolean jumpWhenTrue) implements CosyOp {
        public Cond {
            if (left == null || right == null || cmp == null) throw new IllegalArgumentException("a conditional needs left, cmp and right");
            if (target < 0) throw new IllegalArgumentException("target = " + target + " is not allowed; allowed: >= 0");
        }

        @Override public List<CosyArg> reads() { return List.of(left, right); }
    }

    /** An unconditional branch. */
    record Goto(int target) implements CosyOp {
        public Goto {
            if (target < 0) throw new IllegalArgumentException("target = " + target + " is not allowed; allowed: >= 0");
        }
    }

    /** A label: a branch target kept in the compound (executes as a no-op). */
    record Label(String name) implements CosyOp { }

    /** A switch: jumps to the target of the first case equal to {@code value}, else to {@code defaultTarget}. */
    record Switch(CosyArg value, List<Long> cases, List<Integer> targets, int defaultTarget) implements CosyOp {
        public Switch {
            cases = List.copyOf(cases);
            targets = List.copyOf(targets);
            if (cases.size() != targets.size()) {
                throw new IllegalArgumentException("switch cases = " + cases.size() + " and targets = " + targets.size() + " must match");
            }
            if (defaultTarget < 0) throw new IllegalArgumentException("default_target = " + defaultTarget + " is not allowed; allowed: >= 0");
        }

        @Override public List<CosyArg> reads() { return List.of(value); }
    }

    /**
     * The optimised {@code for (var = init; var cmp limit; var += step)} loop over the next {@code bodyLength}
     * operations, encoded as one operation so that no addition has to be decoded on each iteration (paper §3).
     */
    record For(int var, long init, Cmp cmp, CosyArg limit, long step, int bodyLength) implements CosyOp {
        public For {
            if (var < 0) throw new IllegalArgumentException("var = " + var + " is not allowed; allowed: >= 0");
            if (cmp == null || limit == null) throw new IllegalArgumentException("a for loop needs cmp and limit");
            if (bodyLength < 0) throw new IllegalArgumentException("body_length = " + bodyLength + " is not allowed; allowed: >= 0");
        }

        @Override public List<CosyArg> reads() { return List.of(limit); }
    }

    /** A user-supplied function run in the kernel under segment protection (paper §2.6.2). */
    record UserFn(String function, List<CosyArg> args) implements CosyOp {
        public UserFn {
            if (function == null || function.isBlank()) throw new IllegalArgumentException("function must not be blank");
            args = List.copyOf(args);
        }

        @Override public boolean returnsValue() { return true; }

        @Override public List<CosyArg> reads() { return args; }
    }
}

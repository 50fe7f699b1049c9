package org.syscalllab.mech;

/**
 * One argument of a Cosy operation. The compound's per-argument flag says whether the slot holds a literal value
 * (flag 0) or a reference to a value only known at execution time (flag 1): the result of an earlier operation, or a
 * compound variable (a loop counter, an assigned value). References are resolved by the kernel when the operation
 * runs (Cosy paper §2.3.1).
 */
public sealed interface CosyArg {

    /** Flag 0: the value itself. */
    record Literal(long value) implements CosyArg { }

    /** Flag 1: the result slot of operation {@code op} (which must return a value). */
    record Result(int op) implements CosyArg {
        public Result {
            if (op < 0) throw new IllegalArgumentException("result reference op = " + op + " is not allowed; allowed: >= 0");
        }
    }

    /** Flag 1: compound variable {@code index}. */
    record Var(int index) implements CosyArg {
        public Var {
            if (index < 0) throw new IllegalArgumentException("variable index = " + index + " is not allowed; allowed: >= 0");
        }
    }

    static CosyArg lit(long v) { return new Literal(v); }

    static CosyArg ref(int op) { return new Result(op); }

    static CosyArg var(int index) { return new Var(index); }

    /** Whether the argument is a reference (flag 1) rather than a literal (flag 0). */
    default boolean isReference() { return !(this instanceof Literal); }
}

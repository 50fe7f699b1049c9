package org.syscalllab.mech;

import java.util.List;

/**
 * A Cosy compound as it sits in the shared compound buffer: the global header (number of entries, length in bytes,
 * and the limit on entries to execute that guards against infinite loops) followed by the operations (paper §2.3.1,
 * Figure 1). Validated on construction: every branch target and result reference must name an operation of the
 * compound, and a result reference must name one that returns a value.
 *
 * @param ops              the operations in buffer order
 * @param variables        compound variables (loop counters, assigned values) the operations may use
 * @param entriesToExecute the most operations one {@code cosy_run} may execute before the kernel stops it
 */
public record CosyProgram(List<CosyOp> ops, int variables, long entriesToExecute) {

    /** Bytes of the global header: number of entries, length, entries to execute (one 32-bit word each). */
    public static final int GLOBAL_HEADER_BYTES = 12;
    /** ASSUMPTION: every field is one 32-bit word, as on the paper's IA-32 testbed; the paper gives no field sizes. */
    public static final int WORD_BYTES = 4;

    public CosyProgram {
        ops = List.copyOf(ops);
        if (ops.isEmpty()) throw new IllegalArgumentException("ops: a compound needs at least one operation");
        if (variables < 0) throw new IllegalArgumentException("variables = " + variables + " is not allowed; allowed: >= 0");
        if (entriesToExecute < 1) {
            throw new IllegalArgumentException("entries_to_execute = " + entriesToExecute + " is not allowed; allowed: >= 1");
        }
        int n = ops.size();
        for (int i = 0; i < n; i++) {
            CosyOp op = ops.get(i);
            for (CosyArg a : op.reads()) {
                if (a instanceof CosyArg.Result r) {
                    if (r.op() >= n) throw new IllegalArgumentException("op " + i + ": result reference to op " + r.op() + " is outside 0.." + (n - 1));
                    if (!ops.get(r.op()).returnsValue()) {
                        throw new IllegalArgumentException("op " + i + ": result reference to op " + r.op() + ", which returns no value");
                    }
                }
                if (a instanceof CosyArg.Var v && v.index() >= variables) {
                    throw new IllegalArgumentException("op " + i + ": variable " + v.index() + " is outside 0.." + (variables - 1));
                }
            }
            if (op instanceof CosyOp.Cond c) {
                checkTarget(i, c.target(), n);
            } else if (op instanceof CosyOp.Goto g) {
                checkTarget(i, g.target(), n);
            } else if (op instanceof CosyOp.Switch s) {
                for (int t : s.targets()) checkTarget(i, t, n);
                checkTarget(i, s.defaultTarget(), n);
            } else if (op instanceof CosyOp.For f) {
                if (i + f.bodyLength() > n - 1) {
                    throw new IllegalArgumentException("op " + i + ": for body of " + f.bodyLength() + " ops runs past the end (" + n + " ops)");
                }
                if (f.var() >= variables) throw new IllegalArgumentException("op " + i + ": loop variable " + f.var() + " is outside 0.." + (variables - 1));
            } else if (op instanceof CosyOp.Arith a) {
                if (a.var() >= variables) throw new IllegalArgumentException("op " + i + ": variable " + a.var() + " is outside 0.." + (variables - 1));
            }
        }
    }

    private static void checkTarget(int op, int target, int n) {
        // a target equal to n means "end of compound"
        if (target > n) throw new IllegalArgumentException("op " + op + ": branch target " + target + " is outside 0.." + n);
    }

    /** The "number of entries" header field. */
    public int entries() { return ops.size(); }

    /** The "length" (end of compound) header field: bytes of the encoded compound. */
    public int lengthBytes() {
        int bytes = GLOBAL_HEADER_BYTES;
        for (CosyOp op : ops) bytes += encodedBytes(op);
        return bytes;
    }

    /** Bytes one operation takes in the buffer: local header, arguments, result slot. */
    public static int encodedBytes(CosyOp op) {
        int header;                                           // words of the local header
        if (op instanceof CosyOp.Syscall) header = 3;         // type, call number, argument flags
        else if (op instanceof CosyOp.Arith) header = 3;      // type, operator, variable
        else if (op instanceof CosyOp.Cond) header = 4;       // type, operator, target, flags
        else if (op instanceof CosyOp.Goto) header = 2;       // type, target
        else if (op instanceof CosyOp.Switch s) header = 3 + s.cases().size() * 2;   // type, count, default, (case, target)*
        else if (op instanceof CosyOp.For) header = 6;        // type, var, init, operator, step, body length
        else if (op instanceof CosyOp.UserFn) header = 3;     // type, function, argument flags
        else header = 1;                                      // a label: type
        int result = op.returnsValue() ? 1 : 0;
        return (header + op.reads().size() + result) * WORD_BYTES;
    }
}

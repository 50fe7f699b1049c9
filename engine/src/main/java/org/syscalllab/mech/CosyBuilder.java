package org.syscalllab.mech;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a compound the way Cosy-GCC's output does through Cosy-Lib: each statement between {@code COSY_START} and
 * {@code COSY_END} becomes a library call that appends one operation ({@code cosy_add}, {@code cosy_do},
 * {@code cosy_while}, ...), arguments are marked literal or reference, branch targets and labels (including forward
 * references) are resolved through a symbol table, and {@link #build} yields the compound with its header.
 *
 * <p>Methods that add a value-returning operation return its index, to be used in {@link CosyArg#ref}. Not thread-safe;
 * one builder makes one compound.
 */
public final class CosyBuilder {
    private final List<CosyOp> ops = new ArrayList<>();
    private final Map<String, Integer> labels = new HashMap<>();
    private final List<int[]> pendingGotos = new ArrayList<>();     // {op index}
    private final List<String> pendingNames = new ArrayList<>();
    private int variables;
    private long entriesToExecute = Long.MAX_VALUE;

    /** A new compound variable (a loop counter or assigned value). */
    public int newVar() { return variables++; }

    /** Sets the header's limit on operations executed by one run. */
    public CosyBuilder limit(long entries) {
        if (entries < 1) throw new IllegalArgumentException("entries_to_execute = " + entries + " is not allowed; allowed: >= 1");
        this.entriesToExecute = entries;
        return this;
    }

    /** {@code cosy_add(&result, __NR_call, flag, arg, ...)}: a system call on ordinary buffers. */
    public int syscall(String call, CosyArg... args) {
        return add(new CosyOp.Syscall(call, List.of(args), false));
    }

    /** A system call whose buffer comes from {@code cosy_malloc} (Cosy-GCC picks the zero-copy version). */
    public int syscallShared(String call, CosyArg... args) {
        return add(new CosyOp.Syscall(call, List.of(args), true));
    }

    /** A user-supplied function executed in the kernel. */
    public int userFn(String function, CosyArg... args) {
        return add(new CosyOp.UserFn(function, List.of(args)));
    }

    public int assign(int var, CosyArg value) { return add(new CosyOp.Arith(CosyOp.ArithKind.ASSIGN, var, value)); }

    public int add(int var, CosyArg value) { return add(new CosyOp.Arith(CosyOp.ArithKind.ADD, var, value)); }

    public int sub(int var, CosyArg value) { return add(new CosyOp.Arith(CosyOp.ArithKind.SUB, var, value)); }

    public int inc(int var) { return add(new CosyOp.Arith(CosyOp.ArithKind.INC, var, CosyArg.lit(0))); }

    public int dec(int var) { return add(new CosyOp.Arith(CosyOp.ArithKind.DEC, var, CosyArg.lit(0))); }

    /** The optimised single-operation {@code for (var = init; var cmp limit; var += step) body}. */
    public CosyBuilder forLoop(int var, long init, CosyOp.Cmp cmp, CosyArg limit, long step, Runnable body) {
        int at = add(new CosyOp.Label("for-placeholder"));
        body.run();
        ops.set(at, new CosyOp.For(var, init, cmp, limit, step, ops.size() - at - 1));
        return this;
    }

    /**
     * The general {@code for} form Cosy-GCC uses when the loop is not of the simple kind: three operations (init,
     * {@code while (var cmp limit)}, {@code var += step}) plus the back jump.
     */
    public CosyBuilder forLoopGeneral(int var, long init, CosyOp.Cmp cmp, CosyArg limit, long step, Runnable body) {
        assign(var, CosyArg.lit(init));
        return whileLoop(CosyArg.var(var), cmp, limit, () -> {
            body.run();
            add(var, CosyArg.lit(step));
        });
    }

    /** {@code while (left cmp right) body}: a conditional that exits the loop, the body, a jump back. */
    public CosyBuilder whileLoop(CosyArg left, CosyOp.Cmp cmp, CosyArg right, Runnable body) {
        int head = add(new CosyOp.Label("while-placeholder"));
        body.run();
        add(new CosyOp.Goto(head));
        ops.set(head, new CosyOp.Cond(left, cmp, right, ops.size(), false));
        return this;
    }

    /** {@code do body while (left cmp right)}: {@code cosy_do()}, the body, {@code cosy_while(...)}. */
    public CosyBuilder doWhile(Runnable body, CosyArg left, CosyOp.Cmp cmp, CosyArg right) {
        int top = ops.size();
        body.run();
        add(new CosyOp.Cond(left, cmp, right, top, true));
        return this;
    }

    /** {@code if (left cmp right) body}. */
    public CosyBuilder ifThen(CosyArg left, CosyOp.Cmp cmp, CosyArg right, Runnable body) {
        int at = add(new CosyOp.Label("if-placeholder"));
        body.run();
        ops.set(at, new CosyOp.Cond(left, cmp, right, ops.size(), false));
        return this;
    }

    /** A label; {@link #jump} may refer to it before or after it is placed. */
    public CosyBuilder label(String name) {
        if (labels.put(name, ops.size()) != null) throw new IllegalArgumentException("label '" + name + "' placed twice");
        add(new CosyOp.Label(name));
        return this;
    }

    /** {@code goto name}; forward references are resolved by {@link #build}. */
    public CosyBuilder jump(String name) {
        pendingGotos.add(new int[] {add(new CosyOp.Goto(0))});
        pendingNames.add(name);
        return this;
    }

    /** Operations added so far. */
    public int size() { return ops.size(); }

    /** Resolves labels and returns the compound. */
    public CosyProgram build() {
        List<CosyOp> out = new ArrayList<>(ops);
        for (int i = 0; i < pendingGotos.size(); i++) {
            String name = pendingNames.get(i);
            Integer t = labels.get(name);
            if (t == null) throw new IllegalArgumentException("goto to unknown label '" + name + "'");
            out.set(pendingGotos.get(i)[0], new CosyOp.Goto(t));
        }
        return new CosyProgram(out, variables, entriesToExecute);
    }

    /**
     * User cycles spent building a compound of this many operations and starting it: one Cosy-Lib call per operation
     * plus the {@code cosy_run} wrapper. The compound buffer is mapped into the process, so nothing is copied.
     */
    public static long buildCycles(CosyProgram p, CosyCosts c) {
        return p.entries() * c.buildPerOpCycles() + c.runWrapperCycles();
    }

    private int add(CosyOp op) {
        ops.add(op);
        return ops.size() - 1;
    }
}

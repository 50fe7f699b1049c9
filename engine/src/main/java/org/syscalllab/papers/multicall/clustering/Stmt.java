package org.syscalllab.papers.multicall.clustering;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A statement of the small structured language the clustering algorithm works on. Every statement has an id that is
 * unique in its program (it names the control-flow node and, for calls, the call site a trace event comes from).
 */
public sealed interface Stmt permits Stmt.Call, Stmt.User, Stmt.If, Stmt.While {

    String id();

    /** {@code result = name(args)}; {@code result} may be null when the program ignores the value. */
    record Call(String id, String result, String name, List<Arg> args) implements Stmt {
        public Call {
            checkId(id);
            if (name == null || !name.matches("[a-z_][a-z0-9_]*")) throw new IllegalArgumentException("name = " + name + " is not allowed; allowed: a call name");
            args = List.copyOf(args);
        }

        @Override
        public String toString() {
            String a = args.stream().map(Arg::text).collect(Collectors.joining(", "));
            return (result == null ? "" : result + " = ") + name + "(" + a + ")";
        }
    }

    /**
     * User code that is not a system call: its variables read and written, whether it has side effects beyond those
     * variables (I/O, calls, possible non-termination), whether it never returns (it calls {@code exit()} or
     * {@code abort()}), and the instructions it executes.
     */
    record User(String id, String text, Set<String> reads, Set<String> writes, boolean sideEffects, boolean noReturn,
                long instructions) implements Stmt {
        public User {
            checkId(id);
            if (text == null || text.isBlank()) throw new IllegalArgumentException("text must not be blank");
            reads = Set.copyOf(reads);
            writes = Set.copyOf(writes);
            if (instructions < 0) throw new IllegalArgumentException("instructions = " + instructions + " is not allowed; allowed: >= 0");
        }

        @Override
        public String toString() { return text; }
    }

    /**
     * {@code if (cond) then else otherwise}. {@code errorCheck} marks the test of a call's result for failure whose
     * then-branch is the error handling: the one branch a generic (linear) multi-call can carry, as its
     * {@code check_return_value} flag.
     */
    record If(String id, Cond cond, List<Stmt> then, List<Stmt> otherwise, boolean errorCheck) implements Stmt {
        public If {
            checkId(id);
            if (cond == null) throw new IllegalArgumentException("cond must not be null");
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }

    /** {@code while ((condCall), cond) body}; {@code condCall} (may be null) is a call evaluated before each test. */
    record While(String id, Call condCall, Cond cond, List<Stmt> body) implements Stmt {
        public While {
            checkId(id);
            if (cond == null) throw new IllegalArgumentException("cond must not be null");
            body = List.copyOf(body);
        }
    }

    private static void checkId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_.#-]+")) throw new IllegalArgumentException("id = " + id + " is not allowed; allowed: [A-Za-z0-9_.#-]+");
    }

    /** Every statement of a list, nested ones included, in program order. */
    static List<Stmt> flatten(List<Stmt> stmts) {
        List<Stmt> out = new ArrayList<>();
        for (Stmt s : stmts) {
            out.add(s);
            if (s instanceof If i) {
                out.addAll(flatten(i.then()));
                out.addAll(flatten(i.otherwise()));
            } else if (s instanceof While w) {
                if (w.condCall() != null) out.add(w.condCall());
                out.addAll(flatten(w.body()));
            }
        }
        return out;
    }
}

package org.syscalllab.papers.multicall.clustering;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A named program: a list of statements whose ids are unique. Immutable. */
public record Program(String name, List<Stmt> body) {
    public Program {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name must not be blank");
        body = List.copyOf(body);
        Set<String> ids = new HashSet<>();
        for (Stmt s : Stmt.flatten(body)) {
            if (!ids.add(s.id())) throw new IllegalArgumentException("statement id " + s.id() + " is used twice in program " + name);
        }
    }

    /** Every statement, nested ones included, in program order. */
    public List<Stmt> statements() { return Stmt.flatten(body); }

    /** The statement with this id. */
    public Stmt statement(String id) {
        for (Stmt s : statements()) if (s.id().equals(id)) return s;
        throw new IllegalArgumentException("program " + name + " has no statement " + id);
    }

    /** The program as C-like text, one statement per line. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        print(body, 0, sb);
        return sb.toString();
    }

    static void print(List<Stmt> stmts, int depth, StringBuilder sb) {
        String ind = "    ".repeat(depth);
        for (Stmt s : stmts) {
            if (s instanceof Stmt.If i) {
                sb.append(ind).append("if (").append(i.cond()).append(") {").append(i.errorCheck() ? "   /* error check */" : "").append('\n');
                print(i.then(), depth + 1, sb);
                if (!i.otherwise().isEmpty()) {
                    sb.append(ind).append("} else {\n");
                    print(i.otherwise(), depth + 1, sb);
                }
                sb.append(ind).append("}\n");
            } else if (s instanceof Stmt.While w) {
                String c = w.condCall() == null ? w.cond().toString()
                        : "(" + w.condCall() + ") " + w.cond().op().symbol + " " + w.cond().value();
                sb.append(ind).append("while (").append(c).append(") {\n");
                print(w.body(), depth + 1, sb);
                sb.append(ind).append("}\n");
            } else {
                sb.append(ind).append(s).append(";\n");
            }
        }
    }
}

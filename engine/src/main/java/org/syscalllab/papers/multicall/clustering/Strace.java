package org.syscalllab.papers.multicall.clustering;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a trace written in the form {@code strace} prints ({@code read(3, "..."..., 4096) = 4096}), so that the
 * GraphBuilder can run on a recorded or hand-written trace as well as on the interpreter's. Integer arguments are
 * kept; any other argument (a string, a pointer, a flag word, a structure) is recorded as 0. Lines that are not a
 * completed call (signals, {@code +++ exited}, {@code <unfinished ...>}) are skipped. Each event's site is its call
 * name, since a trace does not say where in the program a call came from. Stateless.
 */
public final class Strace {
    private static final Pattern CALL = Pattern.compile("^\\s*(?:\\[pid\\s+\\d+\\]\\s*)?([a-z_][a-z0-9_]*)\\((.*)\\)\\s*=\\s*(-?\\d+|\\?)(?:\\s.*)?$");

    private Strace() { }

    public static List<TraceEvent> parse(String text) {
        List<TraceEvent> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = CALL.matcher(line);
            if (!m.matches() || m.group(3).equals("?")) continue;
            List<Long> args = new ArrayList<>();
            for (String a : splitArgs(m.group(2))) {
                try {
                    args.add(Long.parseLong(a.trim()));
                } catch (NumberFormatException e) {
                    args.add(0L);
                }
            }
            long result = Long.parseLong(m.group(3));
            String name = m.group(1);
            long bytes = (name.equals("read") || name.equals("write")) && result > 0 ? result : 0;
            out.add(new TraceEvent(name, name, args, result, bytes));
        }
        return out;
    }

    /** Splits on top-level commas (not inside quotes, braces or brackets). */
    static List<String> splitArgs(String s) {
        List<String> out = new ArrayList<>();
        if (s.isBlank()) return out;
        int depth = 0;
        boolean quoted = false;
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\' && i + 1 < s.length()) { cur.append(c).append(s.charAt(++i)); continue; }
                if (c == '"') quoted = false;
            } else if (c == '"') {
                quoted = true;
            } else if (c == '{' || c == '[' || c == '(') {
                depth++;
            } else if (c == '}' || c == ']' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(cur.toString());
                cur.setLength(0);
                continue;
            }
            cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }
}

package org.syscalllab.os.syscall;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The system calls a kernel knows, by name. Immutable. */
public final class SyscallTable {
    private final Map<String, SyscallSpec> calls;

    public SyscallTable(List<SyscallSpec> specs) {
        Map<String, SyscallSpec> m = new LinkedHashMap<>();
        for (SyscallSpec s : specs) {
            if (m.put(s.name(), s) != null) throw new IllegalArgumentException("system call '" + s.name() + "' defined twice");
        }
        this.calls = Collections.unmodifiableMap(m);
    }

    public SyscallSpec get(String name) {
        SyscallSpec s = calls.get(name);
        if (s == null) throw new IllegalArgumentException("unknown system call '" + name + "'; known: " + String.join(", ", calls.keySet()));
        return s;
    }

    public boolean contains(String name) { return calls.containsKey(name); }

    public Collection<SyscallSpec> all() { return calls.values(); }
}

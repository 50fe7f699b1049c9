package org.syscalllab.os.syscall;

import java.util.List;
import java.util.Map;
import org.syscalllab.os.lock.Granularity;
import org.syscalllab.os.lock.LockUse;

/**
 * Turns the granularity knob into the critical sections of each call: giant (the whole path under
 * {@value Granularity#GIANT_LOCK}), per-subsystem (the whole path under the call's subsystem lock), fine (the call's
 * own sections from its table entry), or a custom map (calls missing from the map fall back to fine).
 *
 * @param granularity the policy
 * @param custom      for {@link Granularity#CUSTOM}: call name to lock uses
 */
public record LockPolicy(Granularity granularity, Map<String, List<LockUse>> custom) {
    public LockPolicy {
        if (granularity == null) throw new IllegalArgumentException("granularity must not be null");
        custom = custom == null ? Map.of() : Map.copyOf(custom);
    }

    public static LockPolicy of(Granularity g) { return new LockPolicy(g, Map.of()); }

    /** The critical sections a call takes under this policy. */
    public List<LockUse> locksFor(SyscallSpec call) {
        return switch (granularity) {
            case GIANT -> List.of(LockUse.spin(Granularity.GIANT_LOCK, 1.0));
            case SUBSYSTEM -> List.of(LockUse.spin("subsys:" + call.subsystem(), 1.0));
            case FINE -> call.fineLocks();
            case CUSTOM -> custom.getOrDefault(call.name(), call.fineLocks());
        };
    }

    /** The lock that protects the scheduler's ready queue under this policy (the giant lock under giant locking). */
    public String schedulerLock() {
        return granularity == Granularity.GIANT ? Granularity.GIANT_LOCK : "runqueue";
    }
}

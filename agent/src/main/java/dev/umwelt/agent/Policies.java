package dev.umwelt.agent;

import dev.umwelt.policy.Policy;
import dev.umwelt.policy.explore.ExplorerPolicy;
import dev.umwelt.policy.oracle.OraclePolicy;
import dev.umwelt.policy.random.RandomPolicy;
import dev.umwelt.policy.walk.RandomWalkPolicy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The policies the command line knows by name. */
public final class Policies {
    private static final Map<String, Supplier<Policy>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("explorer", ExplorerPolicy::new);
        KNOWN.put("oracle", OraclePolicy::new);
        KNOWN.put("random", RandomPolicy::new);
        KNOWN.put("random-walk", RandomWalkPolicy::new);
    }

    private Policies() {}

    /**
     * Adds a policy of an application's own under {@code name}, so that the command line runs it
     * ({@code --policy name}) like the built-in ones; call it before running the command line.
     */
    public static synchronized void register(String name, Supplier<Policy> policy) {
        if (KNOWN.containsKey(name)) throw new IllegalArgumentException("a policy named '" + name + "' exists already");
        KNOWN.put(name, policy);
    }

    public static synchronized String names() {
        return String.join(", ", KNOWN.keySet());
    }

    public static synchronized boolean exists(String name) {
        return KNOWN.containsKey(name);
    }

    public static synchronized Policy create(String name) {
        Supplier<Policy> s = KNOWN.get(name);
        if (s == null) throw new IllegalArgumentException("unknown policy '" + name + "' (known: " + names() + ")");
        return s.get();
    }
}

package dev.umwelt.agent.lifecycle;

import dev.umwelt.agent.Policies;
import dev.umwelt.agent.cli.Umwelt;

import java.util.ArrayList;
import java.util.List;

/**
 * Child process of {@link LoopErrorTest}: the real command line ({@link Umwelt#main}) with one more
 * policy, {@code heap-eater}, that fills the heap on the episode's event loop at its tick
 * {@value #EAT_AT} until the JVM throws a real OutOfMemoryError ("Java heap space").
 */
public final class HeapEaterMain {
    static final int EAT_AT = 10;

    public static void main(String[] args) {
        Policies.register("heap-eater", () -> new FailingPolicy("heap-eater", EAT_AT, HeapEaterMain::eat));
        Umwelt.main(args);
    }

    private static void eat() {
        List<long[]> eaten = new ArrayList<>();
        while (true) eaten.add(new long[1 << 17]); // 1 MiB at a time; freed again once it throws
    }
}

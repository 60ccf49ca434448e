package dev.umwelt.bus.sensing;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Stamped;

import java.util.Objects;

/** A natural-language instruction ("go to the red box"), typed, spoken, from ROS or a scenario file. */
public record Instruction(Header header, String text, Source source, double confidence) implements Stamped {
    public enum Source { SCENARIO, TYPED, SPOKEN, ROS }

    public Instruction {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        if (!(confidence >= 0 && confidence <= 1)) throw new IllegalArgumentException("confidence in [0,1]: " + confidence);
    }
}

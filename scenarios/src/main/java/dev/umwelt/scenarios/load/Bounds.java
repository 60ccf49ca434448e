package dev.umwelt.scenarios.load;

import dev.umwelt.bus.fault.FaultBounds;
import dev.umwelt.bus.yaml.Bound;
import dev.umwelt.bus.robot.SensorBounds;
import dev.umwelt.bus.robot.RobotBounds;
import java.util.List;
import java.util.stream.Stream;

/** Every range table, in the order scenarios/README.md prints them. */
public final class Bounds {
    private Bounds() {}

    public static final List<Bound> ALL = Stream.of(RobotBounds.ALL, SensorBounds.ALL, ScenarioBounds.ALL,
            WorldBounds.ALL, SoundBounds.ALL, FaultBounds.ALL).flatMap(List::stream).toList();

    /** The README row of a bound: {@code | `field` | [a, b] unit | why |}. */
    public static String readmeRow(Bound b) {
        return "| `" + b.field() + "` | " + b.range() + (b.whole() ? ", whole" : "") + " | " + b.why() + " |";
    }
}

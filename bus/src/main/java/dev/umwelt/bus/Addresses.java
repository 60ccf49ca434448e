package dev.umwelt.bus;

import dev.umwelt.bus.observation.Modality;

import java.util.regex.Pattern;

/**
 * Event-bus addresses of one robot: {@code robot.<id>.sensor.<modality>.<mount>},
 * {@code robot.<id>.cmd_vel} and so on. Ids and mounts are lower-case words so that the same
 * names map onto ROS topics unchanged.
 */
public record Addresses(String robotId) {
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9_]*");

    public Addresses {
        requireWord("robot id", robotId);
    }

    public static Addresses of(String robotId) {
        return new Addresses(robotId);
    }

    private String root() {
        return "robot." + robotId;
    }

    /** E.g. {@code robot.r1.sensor.lidar.front}. */
    public String sensor(Modality modality, String mount) {
        requireWord("sensor mount", mount);
        return root() + ".sensor." + modality.key() + "." + mount;
    }

    /** Action chunks from the policy (a replay publishes them; a live tick keeps them inside its pipeline). */
    public String action() { return root() + ".policy.action"; }
    /** Velocity commands to the base, after the shield. */
    public String cmdVel() { return root() + ".cmd_vel"; }
    /** Natural-language instructions. */
    public String instruction() { return root() + ".instruction"; }
    /** Episode events. */
    public String events() { return root() + ".events"; }
    /** The world model's {@link dev.umwelt.bus.belief.Belief} snapshots, e.g. {@code robot.r1.belief}. */
    public String belief() { return root() + ".belief"; }
    /** Same as {@code Addresses.of(robotId).belief()}. */
    public static String belief(String robotId) { return of(robotId).belief(); }
    /** Latching emergency stop. */
    public String emergencyStop() { return root() + ".estop"; }

    private static void requireWord(String what, String s) {
        if (s == null || !WORD.matcher(s).matches()) {
            throw new IllegalArgumentException(what + " must match [a-z][a-z0-9_]*: '" + s + "'");
        }
    }
}

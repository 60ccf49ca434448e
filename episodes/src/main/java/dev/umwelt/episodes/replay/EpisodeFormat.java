package dev.umwelt.episodes.replay;

/** Names fixed by episodes/FORMAT.md (format {@code umwelt-episode/1}). */
public final class EpisodeFormat {
    public static final String FORMAT = "umwelt-episode/1";
    public static final String EPISODE_METADATA = "umwelt.episode";
    public static final String RESULT_METADATA = "umwelt.result";

    public static final String SCAN = "/scan";
    public static final String CAMERA = "/camera/image_raw";
    public static final String ODOM = "/odom";
    public static final String TF = "/tf";
    public static final String GROUND_TRUTH = "/umwelt/ground_truth";
    public static final String INSTRUCTION = "/umwelt/instruction";
    public static final String ACTION = "/umwelt/action";
    public static final String COMMAND = "/umwelt/cmd_vel";
    public static final String CMD_VEL = "/cmd_vel";
    public static final String EVENTS = "/umwelt/events";
    /** Added after format 1's first ten topics (same format: readers treat a missing topic as empty). */
    public static final String AUDIO = "/audio";
    public static final String OBSERVATION = "/umwelt/observation";
    public static final String LABELS = "/umwelt/ground_truth/labels";
    /** The teacher's proposal per tick in a DAgger episode ({@code --teacher}); empty otherwise, absent in older files. */
    public static final String TEACHER_ACTION = "/umwelt/teacher/action";

    /** Keys of {@code umwelt.episode}. */
    public static final String K_FORMAT = "format", K_VERSION = "umwelt_version", K_SCENARIO_NAME = "scenario_name",
            K_TASK = "task", K_SEED = "seed", K_POLICY = "policy", K_MODEL_HASH = "model_hash",
            K_SCENARIO_YAML = "scenario_yaml", K_ROBOT_YAML = "robot_yaml", K_ROBOT_REF = "robot_ref",
            K_CONTROL_PERIOD_NS = "control_period_ns", K_PHYSICS_RATE_HZ = "physics_rate_hz",
            K_FAULTS = "faults", K_SHIELD = "shield";

    private EpisodeFormat() {}
}

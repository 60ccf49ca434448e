package dev.umwelt.agent;

import dev.umwelt.policy.Policy;
import dev.umwelt.policy.explore.ExplorerConfig;
import dev.umwelt.policy.explore.ExplorerPolicy;
import dev.umwelt.agent.privileged.OraclePolicy;
import dev.umwelt.policy.random.RandomPolicy;
import dev.umwelt.agent.privileged.TeacherPolicy;
import dev.umwelt.policy.vla.BadModelException;
import dev.umwelt.policy.vla.ModelDirectory;
import dev.umwelt.policy.vla.VlaModel;
import dev.umwelt.policy.vla.VlaPolicy;
import dev.umwelt.policy.walk.RandomWalkPolicy;
import dev.umwelt.bus.robot.RobotDescription;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The policies the command line knows by name, and policy files ({@code --policy FILE.yaml},
 * {@link PolicyFile}): a value ending in .yaml or .yml, or naming an existing file, is a file.
 */
public final class Policies {
    /** Where {@code --policy vla} finds its model without {@code --model}, under the repository ({@code umwelt.home}). */
    public static final String DEFAULT_MODEL = "policy/models/default";

    private static final Map<String, Supplier<Policy>> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("explorer", ExplorerPolicy::new);
        KNOWN.put("oracle", OraclePolicy::new);
        KNOWN.put("random", RandomPolicy::new);
        KNOWN.put("random-walk", RandomWalkPolicy::new);
        KNOWN.put(TeacherPolicy.NAME, TeacherPolicy::new);
        // By name alone (a ROS brain, a replay): the default model, loaded anew. Commands that run
        // many episodes load it once through maker().
        KNOWN.put(VlaPolicy.NAME, () -> new VlaPolicy(loadModel(null, ModelDirectory.Inference.AUTO)));
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

    public static synchronized List<String> nameList() {
        return List.copyOf(KNOWN.keySet());
    }

    /** Whether a {@code --policy} value names a policy file rather than a policy. */
    public static boolean isFile(String value) {
        return PolicyFile.names(value);
    }

    /** What reports call the policy {@code value} names: the name itself, or a policy file's name ({@link PolicyFile#name}). */
    public static String displayName(String value) {
        return isFile(value) ? PolicyFile.load(Path.of(value)).name() : value;
    }

    public static synchronized boolean exists(String name) {
        return KNOWN.containsKey(name);
    }

    public static synchronized Policy create(String name) {
        Supplier<Policy> s = KNOWN.get(name);
        if (s == null) throw new IllegalArgumentException("unknown policy '" + name + "' (known: " + names() + ")");
        return s.get();
    }

    /** Whether the policy reads a model directory ({@code --model}; a policy file names its own). */
    public static boolean takesModel(String name) {
        return VlaPolicy.NAME.equals(name);
    }

    /**
     * Fresh policy instances, one per episode, for the runs of one command. For {@code vla} the
     * model directory ({@code model}, null: {@link #defaultModel()}) is loaded and checked once, here,
     * against every robot that will run it, so that a bad model or a robot it was not trained
     * for is refused ({@link BadModelException}) before any episode starts; its episodes share
     * the loaded model. {@code name} may be a policy file ({@link #isFile}): its policy with its
     * parameters, a VLA with the file's model and device (when the file names one).
     */
    public static Supplier<Policy> maker(String name, Path model, ModelDirectory.Inference inference,
                                         Collection<RobotDescription> robots) {
        if (isFile(name)) {
            PolicyFile f = PolicyFile.load(Path.of(name));
            if (f.explorer() != null) {
                ExplorerConfig config = f.explorer();
                return () -> new ExplorerPolicy(config);
            }
            if (!takesModel(f.policy())) return maker(f.policy(), null, inference, robots);
            return vla(f.model(), f.inference() != null ? f.inference() : inference, robots);
        }
        if (!takesModel(name)) {
            if (!exists(name)) throw new IllegalArgumentException("unknown policy '" + name + "' (known: " + names() + ")");
            return () -> create(name);
        }
        return vla(model, inference, robots);
    }

    private static Supplier<Policy> vla(Path model, ModelDirectory.Inference inference, Collection<RobotDescription> robots) {
        VlaModel m = loadModel(model, inference);
        for (RobotDescription r : robots) m.checkRobot(r);
        return () -> new VlaPolicy(m);
    }

    public static Supplier<Policy> maker(String name) {
        return maker(name, null, ModelDirectory.Inference.AUTO, List.of());
    }

    public static Path defaultModel() {
        return Path.of(System.getProperty("umwelt.home", ".")).toAbsolutePath().normalize().resolve(DEFAULT_MODEL);
    }

    private static VlaModel loadModel(Path dir, ModelDirectory.Inference inference) {
        if (dir == null && !Files.isDirectory(defaultModel())) {
            throw new BadModelException(defaultModel(), "directory", "no default model yet: make one with "
                    + "`/usr/bin/python3 policy/training/export_model.py --out " + DEFAULT_MODEL
                    + "` (random weights; policy/training/README.md says how to train), or give --model DIR");
        }
        return ModelDirectory.load(dir != null ? dir : defaultModel(), inference);
    }
}

package dev.umwelt.agent;

import dev.umwelt.bus.yaml.ScenarioException;
import dev.umwelt.bus.yaml.YamlMap;
import dev.umwelt.bus.yaml.YamlReader;
import dev.umwelt.policy.explore.ExplorerConfig;
import dev.umwelt.policy.explore.ExplorerParams;
import dev.umwelt.policy.vla.ModelDirectory;
import dev.umwelt.policy.vla.VlaPolicy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A policy named with its parameters in a YAML file ({@code --policy FILE.yaml}; format in
 * policy/README.md, shipped examples in {@code policy/configs/}). {@code name}: what reports call
 * it (the file's {@code name:}, else the file's stem); {@code explorer}: the explorer's tuning
 * ({@code policy: explorer}, else null); {@code model} and {@code inference}: the VLA's model
 * directory (resolved against the file's directory; null: the default model) and device (null:
 * the command line's). Every problem is a {@link ScenarioException} {@code file:line: field: problem}.
 */
public record PolicyFile(Path file, String name, String policy, ExplorerConfig explorer, Path model,
                         ModelDirectory.Inference inference) {

    /** Whether a {@code --policy} value names a policy file: it ends in .yaml or .yml, or names an existing file. */
    public static boolean names(String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return v.endsWith(".yaml") || v.endsWith(".yml") || Files.isRegularFile(Path.of(value));
    }

    public static PolicyFile load(Path file) {
        YamlMap m = YamlReader.readFile(file);
        m.allowOnly("policy", "name", "params", "model", "inference");
        String policy = m.require("policy").asScalar("a policy name").asOneOf(Policies.nameList(), "policy");
        String name = m.optionalString("name", stem(file)).trim();
        boolean explorer = "explorer".equals(policy), vla = VlaPolicy.NAME.equals(policy);
        if (!explorer && m.has("params")) throw m.keyError("params", "policy '" + policy + "' takes no params");
        if (!vla) {
            for (String key : new String[] {"model", "inference"}) {
                if (m.has(key)) throw m.keyError(key, "only policy " + VlaPolicy.NAME + " reads a " + key + "; policy '" + policy + "' takes none");
            }
        }
        ExplorerConfig config = explorer
                ? m.optionalMap("params").map(ExplorerParams::read).orElse(ExplorerConfig.DEFAULTS) : null;
        Path model = vla && m.has("model") ? modelDirectory(m, file) : null;
        ModelDirectory.Inference inference = vla && m.has("inference") ? m.requireEnum("inference", ModelDirectory.Inference.class) : null;
        return new PolicyFile(file, name, policy, config, model, inference);
    }

    private static Path modelDirectory(YamlMap m, Path file) {
        Path resolved = file.toAbsolutePath().getParent().resolve(m.requireString("model").trim()).normalize();
        if (!Files.isDirectory(resolved)) throw m.require("model").error("no such model directory: " + resolved);
        return resolved;
    }

    private static String stem(Path file) {
        String f = file.getFileName().toString();
        int dot = f.lastIndexOf('.');
        return dot > 0 ? f.substring(0, dot) : f;
    }
}

package dev.umwelt.agent.cli;

import dev.umwelt.agent.Policies;
import dev.umwelt.policy.Policy;
import dev.umwelt.policy.vla.ModelDirectory;
import dev.umwelt.bus.robot.RobotDescription;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;

/** {@code --model} and {@code --inference}: the learned policy's model directory and where it runs. */
final class ModelOptions {
    @Option(names = "--model", paramLabel = "DIR",
            description = "With --policy vla: the model directory (model.onnx, manifest.json, README.md; default: "
                    + Policies.DEFAULT_MODEL + ").")
    Path model;

    @Option(names = "--inference", paramLabel = "DEVICE", defaultValue = "auto",
            description = "With --policy vla: auto (CUDA when the GPU build offers it, else the CPU), cpu or cuda "
                    + "(default: ${DEFAULT-VALUE}; CUDA that cannot be had falls back to the CPU, said once).")
    String inference;

    /**
     * Policy instances for {@code policies}' episodes, by name; a model is loaded once, checked against
     * {@code robots}. A bad model is a BadModelException (exit 2, one line).
     */
    java.util.Map<String, Supplier<Policy>> makers(List<String> policies, Collection<RobotDescription> robots) {
        ModelDirectory.Inference device;
        try {
            device = ModelDirectory.Inference.of(inference);
        } catch (IllegalArgumentException e) {
            throw new BadInputException("--inference: " + e.getMessage());
        }
        if (model != null && policies.stream().noneMatch(Policies::takesModel)) {
            String files = policies.stream().anyMatch(Policies::isFile) ? "; a policy file names its model with model:" : "";
            throw new BadInputException("--model: only --policy vla reads a model (policy: " + String.join(", ", policies) + files + ")");
        }
        java.util.Map<String, Supplier<Policy>> out = new java.util.LinkedHashMap<>();
        for (String p : policies) out.put(p, Policies.maker(p, model, device, robots));
        return out;
    }
}

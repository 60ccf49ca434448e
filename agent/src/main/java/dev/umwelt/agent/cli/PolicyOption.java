package dev.umwelt.agent.cli;

import dev.umwelt.agent.Policies;

import java.nio.file.Files;
import java.nio.file.Path;

/** A {@code --policy} value: a policy known by name, or a policy file (FILE.yaml, policy/README.md). */
final class PolicyOption {
    private PolicyOption() {}

    /**
     * What reports call the policy {@code value} names; an unknown name or a missing file is bad
     * input, a bad file a {@code file:line: field} error (both exit 2 with one line).
     */
    static String check(String value) {
        if (Policies.isFile(value)) {
            if (!Files.isRegularFile(Path.of(value))) throw new BadInputException("--policy: " + value + ": no such policy file");
            return Policies.displayName(value);
        }
        if (!Policies.exists(value)) {
            throw new BadInputException("--policy: unknown policy '" + value + "' (known: " + Policies.names() + "; or a policy file FILE.yaml)");
        }
        return value;
    }
}

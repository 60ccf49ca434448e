package dev.umwelt.agent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The official TypeScript MCAP reader (tools/mcap-validate): checks a file and returns its JSON summary. */
public final class OfficialMcapValidator {
    private OfficialMcapValidator() {}

    /** Runs the validator on {@code file}, asserts it exits 0 (CRCs, indexes, counts agree) and returns its output. */
    public static String validate(Path file) throws Exception {
        Path validator = Path.of("..", "tools", "mcap-validate").toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(validator.resolve("node_modules").resolve("@mcap").resolve("core")),
                "tools/mcap-validate/node_modules is missing: run README's test command (./umwelt test), which runs "
                        + "npm ci --prefix tools/mcap-validate");
        Process p = new ProcessBuilder("node", validator.resolve("validate.mjs").toString(), file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "validator timed out");
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}

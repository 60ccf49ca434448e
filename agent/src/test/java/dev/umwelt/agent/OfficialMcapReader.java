package dev.umwelt.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** The official MCAP TypeScript reader (@mcap/core) through {@code tools/mcap-validate/validate.mjs}. */
public final class OfficialMcapReader {
    private static final Path VALIDATOR = Path.of("..", "tools", "mcap-validate").toAbsolutePath().normalize();

    private OfficialMcapReader() {}

    /** Asserts that the official reader accepts {@code file} (CRCs, indexes, counts) and returns its JSON summary. */
    public static JsonNode validate(Path file) throws IOException, InterruptedException {
        return validate(file, null);
    }

    /** As {@link #validate(Path)}, the summary also holding {@code topic}'s messages ({@code messages}: logTime, base64 data); null: none. */
    public static JsonNode validate(Path file, String topic) throws IOException, InterruptedException {
        assertTrue(Files.isDirectory(VALIDATOR.resolve("node_modules").resolve("@mcap").resolve("core")),
                "tools/mcap-validate/node_modules is missing: run README's test command (./umwelt test), which runs "
                        + "npm ci --prefix tools/mcap-validate");
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("node",
                VALIDATOR.resolve("validate.mjs").toString(), file.toString()));
        if (topic != null) command.add(topic);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "validator timed out");
        assertEquals(0, p.exitValue(), file + ": " + out);
        return new ObjectMapper().readTree(out);
    }
}

package dev.umwelt.bus.robot;

import dev.umwelt.bus.yaml.YamlNode;


import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the robot description a scenario names. {@code robot: turtle} is looked up as
 * {@code robots/turtle.yaml} in the scenario's directory, then in each parent directory up to
 * the root, then as the classpath resource {@code /umwelt/catalog/robots/turtle.yaml}; a value
 * ending in {@code .yaml} is a path relative to the scenario file.
 */
public final class RobotResolver {
    public static final String CLASSPATH_DIR = "/umwelt/catalog/robots/";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");

    private RobotResolver() {}

    /** Resolves {@code ref} for the scenario at {@code scenarioFile}; errors point at {@code refNode}. */
    public static RobotDescription resolve(String ref, Path scenarioFile, YamlNode refNode) {
        Path dir = directoryOf(scenarioFile);
        if (ref.endsWith(".yaml")) {
            Path file = dir.resolve(ref).normalize();
            if (!Files.isRegularFile(file)) throw refNode.error("robot file not found: " + file);
            return RobotDescriptionLoader.load(file);
        }
        if (!NAME.matcher(ref).matches()) {
            throw refNode.error("'" + ref + "' is neither a robot name (letters, digits, '-', '_') nor a path ending in .yaml");
        }
        List<String> searched = new ArrayList<>();
        for (Path d = dir; d != null; d = d.getParent()) {
            Path candidate = d.resolve("robots").resolve(ref + ".yaml");
            searched.add(candidate.toString());
            if (Files.isRegularFile(candidate)) return RobotDescriptionLoader.load(candidate);
        }
        String resource = CLASSPATH_DIR + ref + ".yaml";
        searched.add("classpath:" + resource);
        URL url = RobotResolver.class.getResource(resource);
        if (url != null) return loadResource(url, resource);
        throw refNode.error("unknown robot '" + ref + "'; searched " + String.join(", ", searched));
    }

    /** Where {@code ref} would be found next to the scenario: names messages about an embedded robot text. */
    public static Path nominalPath(String ref, Path scenarioFile) {
        Path dir = directoryOf(scenarioFile);
        return ref.endsWith(".yaml") ? dir.resolve(ref).normalize() : dir.resolve("robots").resolve(ref + ".yaml");
    }

    /** Loads a catalog robot from the classpath by name, e.g. {@code turtle}. */
    public static RobotDescription catalogRobot(String name) {
        String resource = CLASSPATH_DIR + name + ".yaml";
        URL url = RobotResolver.class.getResource(resource);
        if (url == null) throw new IllegalArgumentException("no catalog robot '" + name + "' at classpath:" + resource);
        return loadResource(url, resource);
    }

    private static RobotDescription loadResource(URL url, String resource) {
        if ("file".equals(url.getProtocol())) {
            try {
                return RobotDescriptionLoader.load(Path.of(url.toURI()));
            } catch (URISyntaxException e) {
                // fall through to reading the stream
            }
        }
        try (InputStream in = url.openStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return RobotDescriptionLoader.parse(text, Path.of("classpath:" + resource));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path directoryOf(Path file) {
        Path parent = file.toAbsolutePath().normalize().getParent();
        return parent != null ? parent : file.toAbsolutePath().getRoot();
    }
}

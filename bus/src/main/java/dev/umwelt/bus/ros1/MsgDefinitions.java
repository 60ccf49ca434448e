package dev.umwelt.bus.ros1;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A registry of ROS 1 message types. Texts come from the classpath
 * ({@code ros1/msg/<pkg>/<Name>.msg}, embedded in this jar; nothing reads /usr/share) or are
 * registered explicitly. md5sums and full definitions are computed as genmsg does:
 * <ul>
 * <li>md5 text: comments and blank lines dropped; constants first, in declared order, as
 * {@code type NAME=value}; then fields as {@code type name}, a nested message's type replaced
 * by its md5 (array suffix dropped); the joined lines stripped, then MD5 as lower-case hex.
 * <li>definition: the message's own text, then for each dependency (depth first, in field
 * order, each once) a line of 80 '=', {@code MSG: pkg/Name} and that type's text.
 * </ul>
 */
public final class MsgDefinitions {
    private static final String SEPARATOR = "=".repeat(80) + "\n";
    private static final MsgDefinitions EMBEDDED = new MsgDefinitions(MsgDefinitions::classpathText);

    private final Function<String, String> source;
    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, MsgSpec> specs = new HashMap<>();

    private MsgDefinitions(Function<String, String> source) {
        this.source = source;
    }

    /** The registry backed by the .msg files embedded in this module. */
    public static MsgDefinitions embedded() {
        return EMBEDDED;
    }

    /** A registry over the given texts ({@code pkg/Name} -> .msg text), falling back to the embedded ones. */
    public static MsgDefinitions of(Map<String, String> texts) {
        Map<String, String> copy = Map.copyOf(texts);
        return new MsgDefinitions(t -> copy.containsKey(t) ? copy.get(t) : classpathText(t));
    }

    /** The parsed type with md5 and definition. Throws IllegalArgumentException for an unknown or invalid type. */
    public synchronized MsgSpec get(String type) {
        return get(type, new LinkedHashSet<>());
    }

    public String md5(String type) {
        return get(type).md5();
    }

    public String definition(String type) {
        return get(type).definition();
    }

    private MsgSpec get(String type, Set<String> resolving) {
        MsgSpec done = specs.get(type);
        if (done != null) return done;
        if (!resolving.add(type)) throw new IllegalArgumentException("recursive message definition: " + resolving + " -> " + type);
        String text = text(type);
        MsgParser.Parsed parsed = MsgParser.parse(type, text);

        StringBuilder md5Text = new StringBuilder();
        for (MsgSpec.Constant c : parsed.constants()) {
            md5Text.append(c.type()).append(' ').append(c.name()).append('=').append(c.valueText()).append('\n');
        }
        for (MsgSpec.Field f : parsed.fields()) {
            if (f.isBuiltin()) md5Text.append(f.declaredType());
            else md5Text.append(get(f.type(), resolving).md5());
            md5Text.append(' ').append(f.name()).append('\n');
        }
        String md5 = md5Hex(md5Text.toString().strip());

        StringBuilder definition = new StringBuilder(text).append('\n');
        for (String dep : allDependencies(parsed.fields(), resolving)) {
            definition.append(SEPARATOR).append("MSG: ").append(dep).append('\n').append(text(dep)).append('\n');
        }
        definition.setLength(definition.length() - 1); // genmsg drops the last newline it added
        MsgSpec spec = new MsgSpec(type, text, parsed.constants(), parsed.fields(), md5, definition.toString());
        specs.put(type, spec);
        resolving.remove(type);
        return spec;
    }

    /** Nested types depth first in field order, each once (genmsg's get_all_depends). */
    private List<String> allDependencies(List<MsgSpec.Field> fields, Set<String> resolving) {
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MsgSpec.Field f : fields) {
            if (f.isBuiltin()) continue;
            if (seen.add(f.type())) out.add(f.type());
            for (String d : allDependencies(get(f.type(), resolving).fields(), resolving)) {
                if (seen.add(d)) out.add(d);
            }
        }
        return out;
    }

    private String text(String type) {
        Objects.requireNonNull(type, "type");
        if (type.indexOf('/') <= 0 || type.indexOf('/') != type.lastIndexOf('/')) {
            throw new IllegalArgumentException("message type must be pkg/Name: '" + type + "'");
        }
        return texts.computeIfAbsent(type, t -> {
            String text = source.apply(t);
            if (text == null) throw new IllegalArgumentException("unknown message type " + t
                    + " (no ros1/msg/" + t + ".msg on the classpath)");
            return text;
        });
    }

    private static String classpathText(String type) {
        String path = "ros1/msg/" + type + ".msg";
        try (InputStream in = MsgDefinitions.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + path, e);
        }
    }

    static String md5Hex(String text) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(32);
            for (byte b : d) hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}

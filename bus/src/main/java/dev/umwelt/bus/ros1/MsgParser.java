package dev.umwelt.bus.ros1;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Parses .msg text the way genmsg's msg_loader does (the md5sum depends on the details). */
final class MsgParser {
    static final Set<String> BUILTINS = Set.of("bool", "int8", "uint8", "int16", "uint16", "int32", "uint32",
            "int64", "uint64", "float32", "float64", "string", "time", "duration", "byte", "char");

    private MsgParser() {}

    record Parsed(List<MsgSpec.Constant> constants, List<MsgSpec.Field> fields) {}

    static boolean isBuiltin(String type) {
        return BUILTINS.contains(type);
    }

    static Parsed parse(String type, String text) {
        String pkg = type.substring(0, type.indexOf('/'));
        List<MsgSpec.Constant> constants = new ArrayList<>();
        List<MsgSpec.Field> fields = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String clean = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (clean.isEmpty()) continue;
            try {
                if (clean.indexOf('=') >= 0) constants.add(constant(line, clean));
                else fields.add(field(pkg, clean));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(type + ".msg line " + (i + 1) + ": " + e.getMessage()
                        + " in '" + line.strip() + "'", e);
            }
        }
        return new Parsed(constants, fields);
    }

    private static MsgSpec.Constant constant(String line, String clean) {
        String[] typeRest = clean.split("\\s+", 2);
        String type = typeRest[0];
        if (!isBuiltin(type) || type.equals("time") || type.equals("duration")) {
            throw new IllegalArgumentException(type + " is not a legal constant type");
        }
        if (type.equals("string")) {
            // A string constant is everything right of '=', '#' included: no comments allowed.
            String raw = line.strip();
            int eq = raw.indexOf('=');
            String name = raw.substring(raw.indexOf(' ') + 1, eq).strip();
            return new MsgSpec.Constant(type, name, raw.substring(eq + 1).strip());
        }
        if (typeRest.length < 2) throw new IllegalArgumentException("constant without a name");
        String[] nameValue = typeRest[1].split("=", -1);
        if (nameValue.length != 2 || nameValue[0].isBlank() || nameValue[1].isBlank()) {
            throw new IllegalArgumentException("a constant needs 'type NAME=value'");
        }
        return new MsgSpec.Constant(type, nameValue[0].strip(), nameValue[1].strip());
    }

    private static MsgSpec.Field field(String pkg, String clean) {
        String[] parts = clean.split("\\s+");
        if (parts.length != 2) throw new IllegalArgumentException("a field needs 'type name'");
        String declared = parts[0];
        String base = declared;
        int arrayLength = MsgSpec.Field.SCALAR;
        int bracket = declared.indexOf('[');
        if (bracket >= 0) {
            if (!declared.endsWith("]")) throw new IllegalArgumentException("bad array type " + declared);
            base = declared.substring(0, bracket);
            String size = declared.substring(bracket + 1, declared.length() - 1);
            if (size.isEmpty()) arrayLength = MsgSpec.Field.VARIABLE;
            else {
                try {
                    arrayLength = Integer.parseInt(size);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad array size " + size);
                }
                if (arrayLength < 0) throw new IllegalArgumentException("negative array size " + size);
            }
        }
        if (base.isEmpty()) throw new IllegalArgumentException("empty type");
        return new MsgSpec.Field(resolve(pkg, base), arrayLength, parts[1], declared);
    }

    /** genmsg's rule: builtins stay, bare Header is std_msgs/Header, other bare names are in this package. */
    static String resolve(String pkg, String base) {
        if (isBuiltin(base)) return base;
        if (base.equals("Header")) return "std_msgs/Header";
        return base.contains("/") ? base : pkg + "/" + base;
    }
}

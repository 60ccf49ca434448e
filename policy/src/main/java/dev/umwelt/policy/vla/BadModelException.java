package dev.umwelt.policy.vla;

import java.nio.file.Path;

/**
 * A model directory the runtime refuses: a missing or unreadable file, a manifest field that is
 * wrong, a hash that does not match, an ONNX graph whose inputs or outputs differ from the
 * manifest, or a robot whose sensors differ from those the model was trained for. Raised at load,
 * before any episode starts; the message is one line naming the file and the field
 * ({@code models/x/manifest.json: inputs[1].shape: ...}). The command line exits 2 on it.
 */
public final class BadModelException extends RuntimeException {
    private final Path file;
    private final String field;

    public BadModelException(Path file, String field, String problem) {
        super(file + ": " + field + ": " + oneLine(problem));
        this.file = file;
        this.field = field;
    }

    /** The file at fault (model.onnx, manifest.json, README.md, or the directory itself). */
    public Path file() {
        return file;
    }

    /** The manifest field, ONNX input or output at fault, as the message names it. */
    public String field() {
        return field;
    }

    /** Native and Jackson messages span lines; a refusal is one. */
    static String oneLine(String s) {
        if (s == null) return "";
        return s.replaceAll("\\s*[\\r\\n]+\\s*", "; ").trim();
    }
}

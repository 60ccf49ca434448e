package dev.umwelt.bus.yaml;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A problem in a robot description or scenario file, located so that the user can fix it:
 * {@code path/to/file.yaml:12: task.goal.x: expected a number, got 'abc'}. The line is 1-based;
 * the field is a dotted path with {@code [i]} for list items (empty for file-level problems).
 */
public final class ScenarioException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;
    private final String field;
    private final String problem;

    public ScenarioException(Path file, int line, String field, String problem) {
        this(file, line, field, problem, null);
    }

    public ScenarioException(Path file, int line, String field, String problem, Throwable cause) {
        super(format(file, line, field, problem), cause);
        this.file = file;
        this.line = line;
        this.field = field == null ? "" : field;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    private static String format(Path file, int line, String field, String problem) {
        String where = (file == null ? "<unknown>" : file.toString()) + ":" + line + ": ";
        String oneLine = problem.replace('\n', ' ').replace('\r', ' ');
        return field == null || field.isEmpty() ? where + oneLine : where + field + ": " + oneLine;
    }

    public Path file() { return file; }
    public int line() { return line; }
    public String field() { return field; }
    public String problem() { return problem; }
}

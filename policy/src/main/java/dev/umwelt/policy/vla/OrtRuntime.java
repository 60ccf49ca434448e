package dev.umwelt.policy.vla;

import ai.onnxruntime.OrtEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The ONNX Runtime environment, after one check. Measured here: ONNX Runtime 1.29's Java binding
 * dies with SIGSEGV (no JVM crash report, exit 139) while creating its environment when the
 * process command line is about 4 KB or longer (3928 bytes ran, 4012 crashed), e.g. a
 * {@code java -cp} with a long explicit class path. The launcher's {@code lib/*} wildcard is
 * short; a class path given through {@code CLASSPATH} or an {@code @argfile} is not on the
 * command line. Refusing with a message beats a silent crash.
 */
final class OrtRuntime {
    static final int MAX_COMMAND_LINE = 3900;
    private static volatile boolean checked;

    private OrtRuntime() {}

    static OrtEnvironment environment() {
        if (!checked) {
            long n = commandLineLength();
            if (n > MAX_COMMAND_LINE) {
                throw new IllegalStateException("this process's command line is " + n + " bytes; ONNX Runtime 1.29 crashes "
                        + "(SIGSEGV) from about 4 KB on: pass the class path through CLASSPATH or a java @argfile instead of -cp");
            }
            checked = true;
        }
        return OrtEnvironment.getEnvironment();
    }

    /** The length of /proc/self/cmdline; 0 where there is none (not Linux). */
    static long commandLineLength() {
        try {
            return Files.readAllBytes(Path.of("/proc/self/cmdline")).length;
        } catch (IOException | UnsupportedOperationException e) {
            return 0;
        }
    }
}

package dev.umwelt.agent.ros;

import dev.umwelt.rosbridge.node.RosCore;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code umwelt ros sim|brain} as a child JVM against a test roscore, as a user starts it: the
 * real command line, its own process, its stdout lines collected, its stderr (the node's log) in
 * a file. The heap is fixed and touched at start ({@code -Xms = -Xmx}, AlwaysPreTouch) so that the
 * resident size moves only with memory off the heap; the heap's own growth is read after a full
 * GC through jcmd.
 */
final class RosNodeProcess implements AutoCloseable {
    static final String HEAP = "128m";

    final Process process;
    final List<String> out = new CopyOnWriteArrayList<>();
    private final Path err;

    private RosNodeProcess(Process process, Path err) {
        this.process = process;
        this.err = err;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) out.add(line);
            } catch (IOException ignored) {
                // the process ended
            }
        }, "ros-node-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** {@code umwelt <args>} with the ROS environment of {@code core}; waits for "running". */
    static RosNodeProcess start(RosCore core, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xms" + HEAP, "-Xmx" + HEAP, "-XX:+AlwaysPreTouch",
                "-Dumwelt.home=" + Path.of("..").toAbsolutePath().normalize(),
                "-cp", System.getProperty("java.class.path"), "dev.umwelt.agent.cli.Umwelt"));
        command.addAll(List.of(args));
        Path err = Files.createTempFile(core.home(), "node", ".err");
        Process p = core.tool(command.toArray(String[]::new)).redirectError(err.toFile()).start();
        RosNodeProcess node = new RosNodeProcess(p, err);
        node.awaitLine("running; Ctrl-C stops", Duration.ofSeconds(60));
        return node;
    }

    long pid() {
        return process.pid();
    }

    void awaitLine(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (out.stream().noneMatch(l -> l.contains(text))) {
            if (!process.isAlive()) throw new AssertionError("exited " + process.exitValue() + " before '" + text + "': " + out + stderr());
            if (System.nanoTime() > deadline) throw new AssertionError("no '" + text + "' within " + timeout + ": " + out + stderr());
            Thread.sleep(20);
        }
    }

    String stderr() {
        try {
            return Files.readString(err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of the node's log (stderr) containing {@code text}. */
    List<String> logLines(String text) {
        return stderr().lines().filter(l -> l.contains(text)).toList();
    }

    /** Resident set size in bytes (/proc). */
    long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
            if (line.startsWith("VmRSS:")) return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
        throw new IllegalStateException("no VmRSS for " + pid());
    }

    private static final Pattern USED = Pattern.compile("generation\\s+total \\d+K, used (\\d+)K");

    /** Heap in use after a full GC (jcmd GC.run, then GC.heap_info, in one attach), in bytes. */
    long heapAfterGcBytes(Path scratch) throws Exception {
        Path commands = Files.writeString(scratch.resolve("jcmd-" + pid() + ".txt"), "GC.run\nGC.heap_info\n");
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(pid()), "-f", commands.toString()).redirectErrorStream(true).start();
        String text = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) throw new AssertionError("jcmd failed: " + text);
        long used = 0;
        int generations = 0;
        for (Matcher m = USED.matcher(text); m.find(); generations++) used += Long.parseLong(m.group(1)) * 1024;
        if (generations != 2) throw new AssertionError("expected the Serial GC's two generations in: " + text);
        return used;
    }

    /** Sockets of this process that {@code ss} lists as listening (TCP) or bound (UDP): "tcp 127.0.0.1:41121". */
    List<String> boundSockets() throws Exception {
        Process ss = new ProcessBuilder("ss", "-H", "-tulpn").redirectErrorStream(true).start();
        String text = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ss.waitFor(10, TimeUnit.SECONDS);
        List<String> mine = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (!line.contains("pid=" + pid() + ",")) continue;
            String[] f = line.trim().split("\\s+");
            mine.add(f[0] + " " + f[4]);
        }
        return mine;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

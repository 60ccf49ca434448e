package dev.umwelt.rosbridge.node;

import dev.umwelt.rosbridge.node.xmlrpc.XmlRpc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real roscore for tests (reusable from other modules through this module's test-jar):
 * started with setsid on a free 127.0.0.1 port, ROS_HOME and ROS_LOG_DIR in a temp dir, waited
 * for until the master answers, stopped with SIGINT to its pid (the whole session if that is
 * not enough). {@link #tool} runs ROS command-line tools against it with Debian's python3.
 * Missing ROS fails loudly (tools/prereqs.sh installs it), never skips.
 */
public final class RosCore implements AutoCloseable {
    private static final Path ROSCORE = Path.of("/usr/bin/roscore");
    private final Path home;
    private final int port;
    private Process process;

    private RosCore(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /** Starts a roscore on a free port; throws with install instructions if ROS is missing. */
    public static RosCore start() {
        requireRos();
        try {
            RosCore core = new RosCore(Files.createTempDirectory("umwelt-roscore"), freePort());
            core.launch();
            return core;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails (not skips) with a clear message when roscore or rostopic is not installed. */
    public static void requireRos() {
        for (String tool : List.of("roscore", "rostopic", "rosparam")) {
            if (!Files.isExecutable(Path.of("/usr/bin", tool))) {
                throw new IllegalStateException("ROS 1 tool /usr/bin/" + tool + " is missing: these tests run against real ROS. "
                        + "Run the README's test command (tools/prereqs.sh installs it as root) or: sudo apt-get install "
                        + "ros-core python3-rostopic python3-rosparam python3-sensor-msgs python3-geometry-msgs python3-nav-msgs python3-tf2-msgs python3-rosbag");
            }
        }
    }

    public int port() { return port; }
    public URI masterUri() { return URI.create("http://127.0.0.1:" + port + "/"); }
    public Path home() { return home; }

    /** The environment ROS tools need: master URI, ROS_IP, ROS_HOME/ROS_LOG_DIR in the temp dir, Debian's python3 first. */
    public Map<String, String> environment() {
        return Map.of("ROS_MASTER_URI", masterUri().toString(), "ROS_IP", "127.0.0.1", "ROS_HOME", home.toString(),
                "ROS_LOG_DIR", home.resolve("log").toString(), "PATH", "/usr/bin:/bin:" + System.getenv().getOrDefault("PATH", ""),
                "PYTHONUNBUFFERED", "1");
    }

    public ProcessBuilder tool(String... command) {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("PYTHONPATH");
        pb.environment().remove("PYTHONHOME");
        pb.environment().putAll(environment());
        return pb;
    }

    public record Result(int exit, String out, String err) {}

    /** Runs a tool to completion (killed after {@code timeout}); stdout and stderr captured. */
    public Result run(Duration timeout, String... command) {
        try {
            Path out = Files.createTempFile(home, "out", ".txt"), err = Files.createTempFile(home, "err", ".txt");
            Process p = tool(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!done) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
            return new Result(done ? p.exitValue() : -1, Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops this roscore (SIGINT) and starts a new one on the same port: a master restart. */
    public void restart() {
        stop();
        launch();
    }

    private void launch() {
        try {
            Files.createDirectories(home.resolve("log"));
            process = tool("setsid", ROSCORE.toString(), "-p", Integer.toString(port))
                    .redirectOutput(home.resolve("roscore.out").toFile()).redirectErrorStream(true).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) throw new IllegalStateException("roscore exited with " + process.exitValue() + ": " + log());
                try {
                    Object pid = call(masterUri(), "getPid", "/umwelt_test");
                    // Only our own rosmaster counts: a stale one from an earlier roscore would answer too.
                    if (pid instanceof List<?> l && Integer.valueOf(1).equals(l.get(0)) && l.get(2) instanceof Integer p
                            && process.descendants().anyMatch(h -> h.pid() == p)) return;
                } catch (RuntimeException notYet) {
                    // still starting
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("roscore on port " + port + " did not answer within 30 s: " + log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String log() {
        try {
            return Files.readString(home.resolve("roscore.out"));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** SIGINT to roscore's pid, as a user's Ctrl-C; SIGKILL to its session if it lingers. */
    public void stop() {
        if (process == null || !process.isAlive()) return;
        long pid = process.pid();
        // roslaunch starts rosmaster and rosout in sessions of their own: killing roscore's group
        // can orphan them, and an orphaned rosmaster keeps answering on the port. Note them first.
        List<ProcessHandle> children = process.descendants().toList();
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                new ProcessBuilder("kill", "-KILL", "--", "-" + pid).start().waitFor(5, TimeUnit.SECONDS);
                process.waitFor(5, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                if (child.isAlive()) child.destroyForcibly();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline && !portFree(port)) Thread.sleep(50);
            if (!portFree(port)) throw new IllegalStateException("port " + port + " still in use after stopping roscore");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp dir cleanup is best effort
        }
    }

    /** A blocking XML-RPC call for tests (never on an event loop). */
    public static Object call(URI uri, String method, Object... params) {
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).header("Content-Type", "text/xml")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(XmlRpc.encodeCall(method, new ArrayList<>(List.of(params))))).build();
            return XmlRpc.decodeResponse(http.send(req, HttpResponse.BodyHandlers.ofByteArray()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts raw bytes (for garbage tests) and returns the response body as text. */
    public static String post(URI uri, byte[] body) {
        try {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return new String(http.send(req, HttpResponse.BodyHandlers.ofByteArray()).body(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean portFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

package dev.umwelt.agent.cli;

import dev.umwelt.agent.ros.RosBrain;
import dev.umwelt.agent.ros.RosMode;
import dev.umwelt.agent.ros.RosSim;
import dev.umwelt.bus.codec.BusCodecs;
import dev.umwelt.rosbridge.config.BridgeConfig;
import dev.umwelt.rosbridge.config.BridgeConfigLoader;
import dev.umwelt.rosbridge.node.NodeConfig;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.load.ScenarioLoader;
import dev.umwelt.sim.Simulator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/** {@code ./umwelt ros brain|sim}: the two ROS modes. Both run until interrupted (Ctrl-C) or shut down through ROS. */
@Command(name = "ros", mixinStandardHelpOptions = true,
        description = {"ROS 1 modes (a ROS master must be running, e.g. roscore):",
                "  brain: drive a ROS robot: its sensor topics and instructions in, the policy, /cmd_vel out",
                "         through the watchdog, e-stop and shield. Ticks follow sensor stamps under /use_sim_time.",
                "  sim:   the simulator as a ROS robot: /scan, /odom, /camera/image_raw, /tf, /tf_static, /clock",
                "         (sets /use_sim_time true); obeys /cmd_vel, stopping after the command timeout."},
        subcommands = {RosCommand.Brain.class, RosCommand.Sim.class})
final class RosCommand implements Runnable {
    private static final System.Logger LOG = System.getLogger("dev.umwelt.agent.cli");
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options both modes share. */
    static final class Common {
        @Option(names = "--config", paramLabel = "FILE",
                description = "Mapping file (default: ros-bridge/config/turtle.yaml).")
        Path config;

        @Option(names = "--master", paramLabel = "URI",
                description = "ROS master (default: $ROS_MASTER_URI, else http://127.0.0.1:11311/).")
        String master;

        BridgeConfig bridge() {
            if (config == null) return BridgeConfigLoader.loadDefault(Umwelt.home());
            if (!Files.isRegularFile(config)) throw new BadInputException("--config: no such file: " + config);
            return BridgeConfigLoader.load(config);
        }

        NodeConfig node(String name) {
            Map<String, String> env = new HashMap<>(System.getenv());
            if (master != null) env.put("ROS_MASTER_URI", master);
            try {
                URI.create(env.getOrDefault("ROS_MASTER_URI", "http://127.0.0.1:11311/"));
                return NodeConfig.fromEnvironment(name, env);
            } catch (IllegalArgumentException e) {
                throw new BadInputException("--master: " + e.getMessage());
            }
        }
    }

    /** How a ROS mode ended: its exit code and the one line that says why (none after Ctrl-C or SIGTERM). */
    record Ending(int exit, String line) {}

    /**
     * A Vert.x for a ROS node. Vert.x's own DNS resolver binds a UDP socket on all interfaces at the
     * first connection (even to a literal IP); the JDK's resolver binds nothing, so the node holds
     * no socket beyond the host it was given (ROS_IP, default 127.0.0.1).
     */
    static Vertx rosVertx() {
        System.setProperty("vertx.disableDnsResolver", "true");
        Vertx vertx = Vertx.vertx();
        BusCodecs.register(vertx);
        return vertx;
    }

    /**
     * Starts a deployment, prints its lines, then waits until one of: Ctrl-C or SIGTERM (the hook
     * undeploys cleanly, exit 0); ROS shut the node down (rosnode kill, or the master gave its name
     * to another node: one line, undeploy, exit 0); an Error escaped a handler on an event loop
     * (an OutOfMemoryError, say: one line, exit 1, never a process left hanging).
     */
    static int runUntilInterrupted(PrintWriter out, PrintWriter err, Function<Vertx, Future<? extends RosMode>> deploy) {
        Vertx vertx = rosVertx();
        CompletableFuture<Ending> ended = new CompletableFuture<>();
        vertx.exceptionHandler(e -> {
            if (e instanceof Error) ended.complete(new Ending(Umwelt.EXIT_CRASH, "umwelt ros: crashed on an event loop: " + e));
            else LOG.log(System.Logger.Level.WARNING, "umwelt ros: unhandled exception on an event loop (going on): " + e, e);
        });
        Thread hook = new Thread(() -> {
            close(vertx, 5);
            ended.complete(new Ending(Umwelt.EXIT_OK, null));
        }, "umwelt-ros-shutdown");
        RosMode mode;
        try {
            mode = deploy.apply(vertx).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            err.println("umwelt ros: could not start: " + c.getMessage());
            vertx.close();
            return Umwelt.EXIT_CRASH;
        }
        mode.shutDownThroughRos().onSuccess(why -> ended.complete(new Ending(Umwelt.EXIT_OK, "umwelt ros: shut down through ROS (" + why + ")")));
        out.println("running; Ctrl-C stops");
        out.flush();
        Runtime.getRuntime().addShutdownHook(hook);
        Ending end;
        try {
            end = ended.get();
        } catch (InterruptedException | ExecutionException e) {
            Thread.currentThread().interrupt();
            return Umwelt.EXIT_CRASH;
        }
        if (end.line() == null) return end.exit(); // the hook closed everything
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            return end.exit(); // a signal came at the same time: the hook closes
        }
        close(vertx, 3);
        (end.exit() == Umwelt.EXIT_OK ? out : err).println(end.line());
        out.flush();
        err.flush();
        return end.exit();
    }

    /** Undeploys everything (nodes unregister, ports close) within {@code seconds}, then gives up waiting. */
    private static void close(Vertx vertx, int seconds) {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(seconds, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }

    @Command(name = "brain", mixinStandardHelpOptions = true,
            description = "Drive a ROS robot with a policy: sensors and instructions in, /cmd_vel out.")
    static final class Brain implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Mixin
        Common common = new Common();
        @Option(names = "--policy", defaultValue = "explorer",
                description = "Policy, by name or a policy file FILE.yaml (default: ${DEFAULT-VALUE}; not a privileged one: "
                        + "the brain has no scenario).")
        String policy;
        @Option(names = "--no-shield", description = "Turn the safety shield off (watchdog and e-stop stay).")
        boolean noShield;
        @picocli.CommandLine.Mixin
        ModelOptions models = new ModelOptions();

        @Override
        public Integer call() {
            String name = PolicyOption.check(policy);
            BridgeConfig bridge = common.bridge();
            // vla: the model is loaded and checked against the mapped robot's senses before the node starts.
            var p = models.makers(java.util.List.of(policy), java.util.List.of(bridge.robot())).get(policy).get();
            if (p.privileged()) throw new BadInputException("--policy: '" + name + "' is privileged (needs the scenario); "
                    + "a ROS robot's brain has only its senses");
            NodeConfig node = common.node("/umwelt_brain");
            PrintWriter out = spec.commandLine().getOut();
            return runUntilInterrupted(out, spec.commandLine().getErr(), vertx -> RosBrain.start(vertx,
                    new RosBrain.Options(node, bridge, !noShield, "r1"), p, line -> {
                        out.println(line);
                        out.flush();
                    }));
        }
    }

    @Command(name = "sim", mixinStandardHelpOptions = true,
            description = "Expose the simulator on ROS: sensors, tf and /clock out, /cmd_vel in.")
    static final class Sim implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;
        @picocli.CommandLine.Mixin
        Common common = new Common();
        @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario YAML file.")
        Path scenario;
        @Option(names = "--speed", defaultValue = "1.0", description = "Sim seconds per wall-clock second, in [0.01, 1000] (default: ${DEFAULT-VALUE}).")
        double speed;
        @Option(names = "--seed", description = "Seed (default: the scenario's).")
        Long seed;
        @Option(names = "--no-camera", description = "Do not render or publish the camera.")
        boolean noCamera;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(scenario)) throw new BadInputException(scenario + ": no such scenario file");
            FlagBounds.speed("--speed", speed);
            Scenario s = ScenarioLoader.load(scenario);
            BridgeConfig bridge = common.bridge().withRobot(s.robot());
            NodeConfig node = common.node("/umwelt_sim");
            PrintWriter out = spec.commandLine().getOut();
            boolean camera = !noCamera;
            return runUntilInterrupted(out, spec.commandLine().getErr(), vertx -> RosSim.start(vertx,
                    new RosSim.Options(node, bridge, seed != null ? seed : s.seed(), speed), s,
                    sc -> camera ? new Simulator(sc) : new Simulator(sc, null), line -> {
                        out.println(line);
                        out.flush();
                    }));
        }
    }
}

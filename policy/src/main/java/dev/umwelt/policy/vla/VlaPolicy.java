package dev.umwelt.policy.vla;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.policy.EpisodeContext;
import dev.umwelt.policy.Policy;
import dev.umwelt.policy.vla.ModelManifest.ActionSpace;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.worldmodel.WorldModel;
import dev.umwelt.worldmodel.WorldModelConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code --policy vla}: a learned vision-language-action model from a model directory
 * ({@link ModelDirectory}), run on ONNX Runtime at the manifest's query rate. Each query feeds the
 * camera, lidar, instruction embedding and belief crop ({@link ModelInputs}; absent maskable
 * senses as zeros with presence 0) and adds the chunk it returns to an {@link ActionEnsembler};
 * every control tick then acts on the ensembled current step: STOP when its STOP probability
 * exceeds 0.5, else body velocities (velocity space) or the ensembled waypoints tracked by pure
 * pursuit ({@link WaypointTracker}), within the robot's limits. Waypoints are ensembled in
 * {@code map} (each chunk's ego-frame points placed with the pose of its query), so that chunks made
 * at different poses agree.
 *
 * <p>Not privileged: it sees only its senses and the world model. Queries are scheduled by
 * observation stamps; all state is per instance (one per episode), the model is shared and
 * stateless, so a trajectory does not depend on other episodes or on threads.
 */
public final class VlaPolicy implements Policy {
    public static final String NAME = "vla";
    static final double GRID_HALF_SIZE = 20;

    private final VlaModel model;
    private final ModelManifest manifest;
    private final Set<Modality> required, sensed;
    private final long stepNanos;
    private RobotDescription robot;
    private WorldModel world;
    private boolean feedsWorld;
    private ModelInputs inputs;
    private ActionEnsembler ensembler;
    private WaypointTracker tracker;
    private QuerySchedule schedule;
    private String instructionText;
    private ModelInputs.Instructed instructed;
    private String note;
    private long queries;

    public VlaPolicy(VlaModel model) {
        this.model = model;
        this.manifest = model.manifest();
        this.required = modalities(manifest.requiredModalities());
        this.sensed = modalities(manifest.sensedModalities());
        this.stepNanos = manifest.action().timeStepNanos();
    }

    private static Set<Modality> modalities(List<String> keys) {
        EnumSet<Modality> s = EnumSet.noneOf(Modality.class);
        for (String k : keys) s.add(Modality.fromKey(k));
        return Collections.unmodifiableSet(s);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Modality> requiredModalities() {
        return required;
    }

    @Override
    public Set<Modality> sensedModalities() {
        return sensed;
    }

    public VlaModel model() {
        return model;
    }

    /** Queries run so far this episode. */
    public long queries() {
        return queries;
    }

    @Override
    public void reset(EpisodeContext context) {
        robot = context.robot();
        model.checkRobot(robot); // refused before the episode by the command line; here for other hosts
        feedsWorld = context.worldModel().isEmpty();
        world = context.worldModel().orElseGet(() -> new WorldModel(robot, Pose2D.ORIGIN,
                WorldModelConfig.DEFAULTS.withSize(2 * GRID_HALF_SIZE, 2 * GRID_HALF_SIZE)));
        inputs = new ModelInputs(manifest);
        var a = manifest.action();
        ensembler = new ActionEnsembler(a.chunkLength(), stepNanos, a.ensembleDecay());
        tracker = new WaypointTracker(robot.limits());
        schedule = new QuerySchedule(manifest.queryRateHz());
        instructionText = null;
        instructed = null;
        note = null;
        queries = 0;
        instruct(context.instruction().text());
    }

    /** A new text (re-encoded, from the cache when seen before) drops the chunks made for the old one. */
    private void instruct(String text) {
        if (text.equals(instructionText)) return;
        instructionText = text;
        instructed = inputs.instructed(text, model.encoder());
        ensembler.reset();
        schedule.restart();
    }

    @Override
    public Optional<String> note() {
        return Optional.ofNullable(note);
    }

    @Override
    public ActionChunk act(Observation observation, Instruction instruction) {
        if (robot == null) throw new IllegalStateException("reset() the vla policy before act()");
        if (feedsWorld) world.update(observation);
        instruct(instruction.text());
        long t = observation.stampNanos();
        Pose2D pose = world.pose();
        inputs.observe(observation, world);
        if (schedule.due(t)) query(observation, t, pose);
        long control = robot.controlPeriodNanos();
        double dt = control * 1e-9;
        var now = ensembler.at(t);
        if (now.isEmpty()) return ActionChunk.move(t, control, tracker.velocity(0, 0, dt)); // cannot happen: the chunk spans the query period
        if (now.get().stop()) {
            note = String.format(java.util.Locale.ROOT, "STOP: ensembled STOP probability %.2f > %.1f", now.get().stopProbability(),
                    ActionEnsembler.STOP_THRESHOLD);
            return ActionChunk.stop(t, control);
        }
        Twist2D twist;
        if (manifest.action().spaceKind() == ActionSpace.VELOCITY) {
            twist = tracker.velocity(now.get().value()[0], now.get().value()[1], dt);
        } else {
            List<double[]> ahead = new ArrayList<>();
            for (int j = 0; j < manifest.action().chunkLength(); j++) {
                var s = ensembler.at(t + j * stepNanos);
                if (s.isEmpty()) break;
                ahead.add(s.get().value());
            }
            twist = tracker.next(pose, ahead, stepNanos * 1e-9, dt);
        }
        return ActionChunk.move(t, control, twist);
    }

    private void query(Observation observation, long t, Pose2D pose) {
        Map<String, float[]> fed = inputs.build(observation, instructed, world, pose);
        List<String> masked = inputs.masked();
        note = masked.isEmpty() ? null : "fed zeros for absent " + String.join(", ", masked);
        VlaModel.Outputs out = model.infer(fed);
        queries++;
        var a = manifest.action();
        var u = a.unnormalization();
        int k = a.chunkLength();
        double[][] values = new double[k][];
        double[] stop = new double[k];
        double c = Math.cos(pose.yaw()), s = Math.sin(pose.yaw());
        for (int i = 0; i < k; i++) {
            double x = out.actions()[i][0] * u.scale().get(0) + u.offset().get(0);
            double y = out.actions()[i][1] * u.scale().get(1) + u.offset().get(1);
            // Waypoints leave the moving ego frame for map at once, with the pose they were predicted from.
            values[i] = a.spaceKind() == ActionSpace.WAYPOINTS ? new double[] {pose.x() + c * x - s * y, pose.y() + s * x + c * y}
                    : new double[] {x, y};
            stop[i] = 1.0 / (1.0 + Math.exp(-out.stopLogits()[i]));
        }
        ensembler.add(t, values, stop);
    }
}

package dev.umwelt.agent.privileged;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.policy.EpisodeContext;
import dev.umwelt.policy.explore.ExplorerPolicy;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.task.AudioGoal;
import dev.umwelt.scenarios.task.ObjectGoal;
import dev.umwelt.scenarios.world.SoundEmitter;
import dev.umwelt.scenarios.world.WorldObject;
import dev.umwelt.worldmodel.WorldModel;

import java.util.Optional;
import java.util.Set;

/**
 * The demonstrator whose episodes become training data ({@code --policy teacher}). PRIVILEGED: it
 * reads the scenario, so it is never something to deploy; it exists to label better than the
 * explorer. While the target is unknown the non-privileged {@link ExplorerPolicy} drives; once
 * the robot's own belief holds the true target ({@link TargetInBelief}), the {@link OraclePolicy}
 * takes over: its shortest path to the true target, and its STOP. PointNav stays the explorer's (its
 * path is planned on the belief, unknown space passable): the oracle's path goes through doors the
 * robot has never seen, a label nothing in the learner's inputs can explain. The handover is logged
 * as a POLICY_NOTE ({@code teacher: ...}) at the tick it happens and kept in {@link #handover()}.
 *
 * <p>The explorer is told the task in the generator's own words ("go to the red box"), made from
 * the scenario, so that any phrasing of the instruction (a rephrased suite) gives the same
 * demonstration. Two rescues keep demonstrations from ending in failure: when the explorer STOPs
 * before the target is in the belief (a wrong object, or nothing left to explore), or when the
 * time left is only what the oracle needs from here, the oracle takes over too; the note says
 * which ({@link Handover.Why}).
 */
public final class TeacherPolicy implements PrivilegedPolicy {
    public static final String NAME = "teacher";
    /**
     * The rescue handover comes when the time left is what the oracle needs from here: its geodesic
     * distance at this speed (measured: the oracle covers 0.41-0.63 m of geodesic per second) plus
     * this margin; checked every {@link #DEADLINE_CHECK_NANOS} of sim time.
     */
    static final double DEADLINE_SPEED = 0.3, DEADLINE_MARGIN_SECONDS = 5;
    static final long DEADLINE_CHECK_NANOS = 1_000_000_000L;

    /** When and why the oracle took over. */
    public record Handover(long stampNanos, Why why, String note) {
        public enum Why { TARGET_IN_BELIEF, EXPLORER_STOPPED, DEADLINE }
    }

    /** -Dumwelt.teacher.trace: each handover on stderr (scenario, time, why), for tallying a suite. */
    private static final boolean TRACE = Boolean.getBoolean("umwelt.teacher.trace");

    private final ExplorerPolicy explorer = new ExplorerPolicy();
    private final OraclePolicy oracle = new OraclePolicy();
    private Instruction explorerInstruction;
    private WorldModel belief;
    private Scenario scenario;
    private WorldObject objectTarget;
    private AudioGoal audioGoal;
    private String soundWords;
    private long startStamp, limitNanos, nextDeadlineCheck;
    private Handover handover;
    private Twist2D lastCommand;
    private String note;

    @Override
    public String name() {
        return NAME;
    }

    /** The explorer's: it drives on the lidar and odometry until the handover, and the watchdog judges the whole episode alike. */
    @Override
    public Set<Modality> requiredModalities() {
        return explorer.requiredModalities();
    }

    /** The explorer's (camera and microphones included), so that recorded demonstrations hold every sense. */
    @Override
    public Set<Modality> sensedModalities() {
        return explorer.sensedModalities();
    }

    @Override
    public void reset(EpisodeContext context, Scenario truth) {
        scenario = java.util.Objects.requireNonNull(truth, "truth");
        belief = context.worldModel().orElseThrow(() -> new IllegalStateException(
                "the teacher watches the robot's belief: it needs the agent's world model in the EpisodeContext"));
        Instruction given = context.instruction();
        explorerInstruction = new Instruction(given.header(), taskInWords(scenario), given.source(), given.confidence());
        explorer.reset(new EpisodeContext(context.robot(), explorerInstruction, context.seed(), belief));
        oracle.reset(context, truth);
        objectTarget = scenario.task() instanceof ObjectGoal og ? og.target(scenario.world()) : null;
        audioGoal = scenario.task() instanceof AudioGoal ag ? ag : null;
        soundWords = audioGoal == null ? null : soundWords(scenario, audioGoal);
        startStamp = Long.MIN_VALUE;
        limitNanos = (long) (scenario.timeLimitSeconds() * 1e9);
        nextDeadlineCheck = Long.MIN_VALUE;
        handover = null;
        lastCommand = Twist2D.ZERO;
        note = null;
    }

    /** The oracle's handover, once it happened. */
    public Optional<Handover> handover() {
        return Optional.ofNullable(handover);
    }

    /** The explorer's note while it drives, then the handover's. */
    @Override
    public Optional<String> note() {
        return handover == null ? explorer.note() : Optional.of(note);
    }

    @Override
    public ActionChunk act(Observation observation, Instruction instruction) {
        if (scenario == null) throw new IllegalStateException("reset() the teacher before act()");
        long now = observation.stampNanos();
        if (startStamp == Long.MIN_VALUE) startStamp = now;
        if (handover == null) {
            ActionChunk chunk = explorer.act(observation, explorerInstruction);
            Optional<String> found = objectTarget != null ? TargetInBelief.object(belief, objectTarget)
                    : audioGoal != null ? TargetInBelief.sound(explorer, audioGoal.emitterPosition(), soundWords) : Optional.empty();
            if (found.isPresent()) {
                handOver(now, Handover.Why.TARGET_IN_BELIEF, found.get() + ": following the oracle's path");
            } else if (chunk.stop()) {
                handOver(now, Handover.Why.EXPLORER_STOPPED, "the explorer stopped (" + explorer.note().orElse("no note")
                        + ") before the target was in the belief: the oracle takes over");
            } else if (deadline(observation, now)) {
                handOver(now, Handover.Why.DEADLINE, "the time left is what the oracle needs from here and the target is "
                        + "not in the belief: the oracle takes over");
            } else {
                lastCommand = chunk.actionAt(now);
                return chunk;
            }
        }
        return oracle.act(observation, instruction);
    }

    /** Whether only the time the oracle needs from here is left (from the true pose, checked once a second). */
    private boolean deadline(Observation observation, long now) {
        if (nextDeadlineCheck != Long.MIN_VALUE && now < nextDeadlineCheck) return false;
        nextDeadlineCheck = now + DEADLINE_CHECK_NANOS;
        Pose2D pose = observation.privileged().orElse(null);
        if (pose == null) return false;
        double needs = oracle.distanceToGoal(new Vec2(pose.x(), pose.y())) / DEADLINE_SPEED + DEADLINE_MARGIN_SECONDS;
        return (now - startStamp) * 1e-9 + needs >= limitNanos * 1e-9;
    }

    private void handOver(long now, Handover.Why why, String what) {
        note = "teacher: " + what;
        handover = new Handover(now, why, note);
        if (TRACE) System.err.printf(java.util.Locale.ROOT, "teacher-handover %s t=%.1f %s: %s%n", scenario.name(),
                (now - startStamp) * 1e-9, why, note);
        // The robot is moving as the explorer last drove it: the oracle ramps from there.
        oracle.continueFrom(lastCommand);
    }

    /**
     * The task as the generator words it (the explorer's vocabulary), made from the scenario whatever
     * the instruction says; a sound other than a beep or a tone, and a point, keep the scenario's words.
     */
    static String taskInWords(Scenario s) {
        if (s.task() instanceof ObjectGoal og) {
            WorldObject t = og.target(s.world());
            return "go to the " + t.colour().name() + " " + t.label();
        }
        if (s.task() instanceof AudioGoal ag && !soundWords(s, ag).equals("sound")) return "go to the " + soundWords(s, ag);
        return s.task().instruction();
    }

    /** The generator's words for the emitter: a beep is a "beeping alarm", a tone a "ringing phone". */
    private static String soundWords(Scenario s, AudioGoal ag) {
        SoundEmitter.Kind kind = s.soundEmitters().stream().filter(e -> e.id().equals(ag.emitterId())).findFirst()
                .map(SoundEmitter::kind).orElse(null);
        return kind == SoundEmitter.Kind.BEEP ? "beeping alarm" : kind == SoundEmitter.Kind.TONE ? "ringing phone" : "sound";
    }
}

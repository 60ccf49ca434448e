package dev.umwelt.agent.safety;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.robot.RobotDescription;

import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one safety chain between a policy's proposal and a base, shared by the lockstep episode
 * and the ROS brain: the watchdog (a required sense is absent: zero), the latched e-stop (zero),
 * then the shield (scaled down or stopped before an obstacle in the latest scan). Each change of
 * mind is an event. Not thread-safe: it lives on the robot's context.
 */
public final class SafetyChain {
    private final SafetyShield shield;
    private final Watchdog watchdog = new Watchdog();
    private final EmergencyStop estop = new EmergencyStop();
    private final Consumer<EpisodeEvent> events;
    /** The latest scan as delivered (faults included); the shield's view of the world. */
    private LidarScan lastScan;
    /** Whether the shield changed the previous command (an intervention lasts until it lets one pass). */
    private boolean shielding;

    /** {@code shieldOn} false: watchdog and e-stop only ({@code --no-shield}). */
    public SafetyChain(RobotDescription robot, boolean shieldOn, Consumer<EpisodeEvent> events) {
        this.shield = shieldOn ? new SafetyShield(robot) : null;
        this.events = events;
    }

    /** The shield judges commands against the newest scan offered here. */
    public void scan(LidarScan scan) {
        if (scan != null) lastScan = scan;
    }

    /** true latches a stop, false releases it; an EMERGENCY_STOP event when that changed anything. */
    public void emergencyStop(boolean engage, long nowNanos) {
        if (estop.set(engage)) {
            events.accept(new EpisodeEvent(new Header(nowNanos, Frames.BASE_LINK), EpisodeEvent.Kind.EMERGENCY_STOP,
                    "safety", engage ? "latched" : "released"));
        }
    }

    /** Whether the shield is on (off with {@code --no-shield}: watchdog and e-stop only). */
    public boolean shielded() {
        return shield != null;
    }

    public boolean latched() {
        return estop.latched();
    }

    /** The twist the base may execute at {@code now}. */
    public Twist2D filter(long nowNanos, Twist2D proposed, Set<Modality> missing) {
        Header h = new Header(nowNanos, Frames.BASE_LINK);
        switch (watchdog.update(missing)) {
            case STOP -> events.accept(new EpisodeEvent(h, EpisodeEvent.Kind.WATCHDOG_STOP, "safety", "missing " + missing));
            case RESUME -> events.accept(new EpisodeEvent(h, EpisodeEvent.Kind.WATCHDOG_RESUME, "safety", ""));
            case NONE -> { }
        }
        if (watchdog.stopped() || estop.latched()) {
            shielding = false;
            return Twist2D.ZERO;
        }
        if (shield == null) return proposed;
        SafetyShield.Decision d = shield.filter(proposed, lastScan);
        // One event per intervention: the first tick of a run of ticks the shield changed, with its factor.
        if (d.intervened() && !shielding) {
            events.accept(new EpisodeEvent(h, EpisodeEvent.Kind.SHIELD_INTERVENTION, "safety",
                    String.format(Locale.ROOT, "scale=%.3f", d.scale())));
        }
        shielding = d.intervened();
        return d.twist();
    }
}

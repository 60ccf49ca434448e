package dev.umwelt.sim.camera;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.robot.CameraSpec;
import dev.umwelt.sim.render.DomainRandomization;
import dev.umwelt.sim.render.RenderService;
import dev.umwelt.sim.render.RenderStyle;
import dev.umwelt.sim.render.SceneHandle;

import java.util.List;
import java.util.Objects;

/**
 * The robot's camera in the lockstep pipeline. Frames come from the process's render thread,
 * synchronously: the episode waits for its frame, so a frame shows exactly the world at its
 * stamp, and runs stay bit-for-bit repeatable however many episodes share the renderer.
 * The static world is uploaded once per episode (with the episode's randomized style when the
 * scenario asks for domain randomization); per frame only the robot and movable poses travel.
 */
public final class SimCamera implements AutoCloseable {
    private final RenderService renderer;
    private final Scenario scenario;
    private final CameraSpec spec;
    private SceneHandle scene;
    private long frameSeedBase;

    public SimCamera(RenderService renderer, Scenario scenario) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.scenario = scenario;
        this.spec = scenario.robot().cameraSpec().orElseThrow(() -> new IllegalArgumentException(
                "robot '" + scenario.robot().name() + "' has no camera"));
    }

    public CameraSpec spec() {
        return spec;
    }

    public long periodNanos() {
        return Math.round(1e9 / spec.rateHz());
    }

    /** Uploads the world for a new episode; {@code styleSeed} and {@code frameSeedBase} come from the episode seed. */
    public void reset(long styleSeed, long frameSeedBase) {
        release();
        RenderStyle style = scenario.domainRandomization()
                ? RenderStyle.randomized(styleSeed, DomainRandomization.defaults())
                : RenderStyle.plain();
        scene = renderer.upload(scenario.world(), style);
        this.frameSeedBase = frameSeedBase;
    }

    /** Renders the frame of {@code stampNanos} from the robot's pose and the movable objects' poses at that instant. */
    public CameraFrame capture(Pose2D robotPose, List<Pose2D> movablePoses, long stampNanos) {
        if (scene == null) throw new IllegalStateException("reset the camera before capturing");
        byte[] rgb = renderer.renderNow(scene, spec, robotPose, movablePoses, frameSeedBase ^ stampNanos);
        return new CameraFrame(new Header(stampNanos, Frames.CAMERA), spec.width(), spec.height(), rgb);
    }

    private void release() {
        if (scene != null) {
            renderer.release(scene);
            scene = null;
        }
    }

    @Override
    public void close() {
        release();
    }
}

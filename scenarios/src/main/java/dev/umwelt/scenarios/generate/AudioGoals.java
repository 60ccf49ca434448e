package dev.umwelt.scenarios.generate;

import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.task.AudioGoal;
import dev.umwelt.scenarios.world.Room;
import dev.umwelt.scenarios.world.SoundEmitter;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.SplittableRandom;

/**
 * The sound of a generated AudioGoal: one emitter (no distractor sounds) at a free point of a
 * random room, attached to no object (its surface is a {@link AudioGoal#DEFAULT_EMITTER_RADIUS}
 * disc), and a start far from it, usually in another room.
 * <ul>
 *   <li>BEEP (70%: an "alarm", 0.5 duty over 1 s) or TONE (a "phone"), at 500, 1000, 2000 or
 *       3000 Hz: inside the 16 kHz microphones' band and GCC-PHAT's usable range;</li>
 *   <li>level 65..75 dB SPL at 1 m (a domestic alarm), height 0.2..1.5 m;</li>
 *   <li>background noise at SNR 15, 20 or 25 dB below the emitter (AcousticSettings' snr), walls
 *       15 dB each (the default).</li>
 * </ul>
 */
final class AudioGoals {
    static final double BEEP_PROBABILITY = 0.7;
    private static final double[] FREQUENCIES = {500, 1000, 2000, 3000};
    private static final double[] SNRS = {15, 20, 25};

    record Drawn(SoundEmitter emitter, Room room, WorldObject surface, double snrDb, Vec2 start, double yawDeg, String instruction) {}

    private AudioGoals() {}

    static Drawn draw(Split split, WorldMap world, Poses poses, SplittableRandom rng) {
        Vec2 at = poses.any(p -> true);
        Room room = world.roomAt(at).orElseThrow(() -> new Rejected("emitter outside every room"));
        boolean beep = rng.nextDouble() < BEEP_PROBABILITY;
        double frequency = FREQUENCIES[rng.nextInt(FREQUENCIES.length)];
        double level = Math.round(rng.nextDouble(65, 75));
        double height = Num.len(rng.nextDouble(0.2, 1.5));
        double snr = SNRS[rng.nextInt(SNRS.length)];
        SoundEmitter e = beep ? SoundEmitter.beep("alarm", at, height, frequency, level, 0.5, 1.0)
                : SoundEmitter.tone("phone", at, height, frequency, level);
        WorldObject surface = new AudioGoal("", e.id(), AudioGoal.DEFAULT_SUCCESS_RADIUS, at).surface(world);
        // At least a metre beyond the success region, so that no episode starts solved.
        Vec2 start = poses.far(at, room, p -> surface.distanceTo(p) > AudioGoal.DEFAULT_SUCCESS_RADIUS + 1);
        double yaw = poses.yawDeg();
        String instruction = Phrasing.audioGoal(split, e, world, rng);
        return new Drawn(e, room, surface, snr, start, yaw, instruction);
    }
}

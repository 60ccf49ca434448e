package dev.umwelt.sim.audio;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.robot.MicrophoneSpec;
import dev.umwelt.scenarios.world.AcousticSettings;
import dev.umwelt.scenarios.world.SoundEmitter;
import dev.umwelt.sensors.audio.GccPhatBearing;
import dev.umwelt.sensors.audio.LogMel;
import dev.umwelt.sim.bench.BenchWorld;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Cost per second of audio: simulation (2 mics, 3 emitters: beep, tone, clip, the bench world's
 * 60 walls) and front-end (log-mel of both channels + GCC-PHAT), on 16 kHz 0.1 s chunks.
 * Also run by AudioBenchmarkTest, which prints the figures.
 */
public final class AudioBenchmark {
    public record Result(double simMsPerAudioSecond, double featuresMsPerAudioSecond) {
        public String describe() {
            return String.format("audio sim: %.2f ms per audio second (%.0fx real time); log-mel x2 + GCC-PHAT: "
                    + "%.2f ms per audio second (%.0fx real time)", simMsPerAudioSecond, 1000 / simMsPerAudioSecond,
                    featuresMsPerAudioSecond, 1000 / featuresMsPerAudioSecond);
        }
    }

    private AudioBenchmark() {}

    public static Result run(double audioSeconds) {
        float[] clip = new float[16000];
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < clip.length; i++) clip[i] = (float) (0.3 * r.nextGaussian());
        List<SoundEmitter> emitters = List.of(
                SoundEmitter.beep("beep", new Vec2(3, 2), 0.3, 500, 70, 0.5, 0.4),
                SoundEmitter.tone("hum", new Vec2(-4, 1), 0.5, 120, 55),
                SoundEmitter.clip("voice", new Vec2(2, -5), 1.5, 65, clip));
        AcousticSimulator sim = new AcousticSimulator(emitters, AcousticSettings.DEFAULT.withSnrDb(20),
                List.of(new MicrophoneSpec(Frames.MIC_LEFT, 0, 0.1, 0.3), new MicrophoneSpec(Frames.MIC_RIGHT, 0, -0.1, 0.3)),
                BenchWorld.walls());
        sim.reset(new SplittableRandom(2));
        int chunks = (int) Math.round(audioSeconds / 0.1);
        AudioChunk[] out = new AudioChunk[chunks];
        for (int warm = 0; warm < 2; warm++) { // first pass warms the JIT
            long t0 = System.nanoTime();
            for (int k = 0; k < chunks; k++) out[k] = sim.chunk(new Pose2D(0.01 * k, 0, 0.001 * k), (long) k * sim.chunkFrames());
            long simNs = System.nanoTime() - t0;
            LogMel mel = LogMel.standard(16000);
            GccPhatBearing gcc = new GccPhatBearing(16000, 0.2);
            double sink = 0;
            t0 = System.nanoTime();
            for (AudioChunk c : out) {
                sink += mel.compute(c, 0)[0][0] + mel.compute(c, 1)[0][0];
                sink += gcc.estimate(c, Frames.MIC_LEFT, Frames.MIC_RIGHT).map(b -> b.lateralRadians()).orElse(0.0);
            }
            long featNs = System.nanoTime() - t0;
            if (warm == 1 || Double.isNaN(sink)) {
                double secs = chunks * 0.1;
                return new Result(simNs / 1e6 / secs, featNs / 1e6 / secs);
            }
        }
        throw new AssertionError();
    }

    public static void main(String[] args) {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 60;
        System.out.println("AudioBenchmark, " + seconds + " s of 16 kHz stereo audio, 3 emitters, "
                + BenchWorld.WALLS + " walls");
        System.out.println(run(seconds).describe());
    }
}

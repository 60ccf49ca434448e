package dev.umwelt.bus.ros1;

import dev.umwelt.bus.Header;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.observation.AbsenceReason;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.observation.Observation;
import dev.umwelt.bus.observation.Sense;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Random records for property tests: empty arrays, REP-117 specials, unicode, extreme stamps. */
final class Samples {
    private static final String[] WORDS = {"", "laser", "go to the red box", "geh zur Kiste \u00e4\u00f6\u00fc",
            "\u8d64\u3044\u7bb1\u3078", "emoji \uD83E\uDD16 robot", "tab\tnew\nline", "\u0000nul"};
    private static final float[] SPECIAL = {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0f, -0f,
            Float.MIN_VALUE, Float.MAX_VALUE, Float.intBitsToFloat(0x7fc00123)};
    private final Random r;

    Samples(long seed) {
        r = new Random(seed);
    }

    long stamp() {
        return switch (r.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 0xffff_ffffL * 1_000_000_000L + 999_999_999L;
            default -> 946_684_800_000_000_000L + (r.nextLong() & 0xff_ffff_ffffL);
        };
    }

    String text() {
        return WORDS[r.nextInt(WORDS.length)];
    }

    String frame() {
        String t = text();
        return t.isBlank() ? "base_link" : t;
    }

    Header header() {
        return new Header(stamp(), frame());
    }

    float f() {
        return r.nextInt(3) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (float) r.nextGaussian() * 10;
    }

    float[] floats(int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) a[i] = f();
        return a;
    }

    int size() {
        return r.nextInt(4) == 0 ? 0 : r.nextInt(40);
    }

    double finite() {
        return r.nextGaussian() * 100;
    }

    Twist2D twist() {
        return new Twist2D(finite(), finite());
    }

    Pose2D pose() {
        return new Pose2D(finite(), finite(), (r.nextDouble() * 2 - 1) * Math.PI);
    }

    LidarScan scan() {
        int n = size();
        return new LidarScan(header(), f(), f(), f(), f(), f(), f(), floats(n), r.nextBoolean() ? floats(n) : new float[0]);
    }

    CameraFrame frameImage() {
        int w = 1 + r.nextInt(8), h = 1 + r.nextInt(8);
        byte[] px = new byte[3 * w * h];
        r.nextBytes(px);
        return new CameraFrame(header(), w, h, px);
    }

    Odometry odometry() {
        return new Odometry(header(), frame(), pose(), twist());
    }

    VelocityCommand command() {
        long s = Math.min(stamp(), 0xffff_ffffL * 1_000_000_000L - 1_000_000_000L);
        return new VelocityCommand(new Header(s, frame()), twist(), s + r.nextInt(1_000_000_000));
    }

    Instruction instruction() {
        return new Instruction(header(), text(), Instruction.Source.values()[r.nextInt(4)], r.nextInt(1000) / 999f);
    }

    ActionChunk chunk() {
        List<Twist2D> actions = new ArrayList<>();
        for (int i = size(); i > 0; i--) actions.add(twist());
        boolean stop = actions.isEmpty() || r.nextBoolean();
        Map<Modality, Double> attribution = new EnumMap<>(Modality.class);
        for (Modality m : Modality.values()) if (r.nextBoolean()) attribution.put(m, (double) r.nextFloat());
        long step = r.nextBoolean() ? 1 + r.nextInt(1_000_000_000) : 5_000_000_000L + r.nextInt(7);
        return new ActionChunk(header(), step, actions, stop, attribution);
    }

    EpisodeEvent event() {
        var kinds = EpisodeEvent.Kind.values();
        return new EpisodeEvent(header(), kinds[r.nextInt(kinds.length)], text(), text());
    }

    AudioChunk audio() {
        List<String> channels = r.nextBoolean() ? List.of("mic_left", "mic_right") : List.of(frame());
        short[] s = new short[channels.size() * size()];
        for (int i = 0; i < s.length; i++) s[i] = (short) r.nextInt();
        if (s.length > 0) s[0] = Short.MIN_VALUE;
        return new AudioChunk(header(), 1 + r.nextInt(192_000), channels, s);
    }

    Observation observation() {
        long at = 946_684_800_000_000_000L + r.nextInt(1_000_000_000);
        Observation.Builder b = Observation.at(at);
        if (r.nextBoolean()) b.present(Modality.ODOMETRY, Odometry.of(at - r.nextInt(50_000_000), pose(), twist()));
        if (r.nextBoolean()) b.sense(Sense.absent(Modality.LIDAR, AbsenceReason.values()[1 + r.nextInt(7)]));
        return b.build();
    }

    dev.umwelt.bus.episode.GroundTruthLabels labels() {
        List<String> objects = new ArrayList<>();
        for (int i = r.nextInt(5); i > 0; i--) objects.add(text());
        short[] beams = new short[size()], columns = new short[size()];
        for (int i = 0; i < beams.length; i++) beams[i] = (short) (r.nextInt(objects.size() + 2) - 1);
        for (int i = 0; i < columns.length; i++) columns[i] = (short) (r.nextInt(objects.size() + 2) - 1);
        return new dev.umwelt.bus.episode.GroundTruthLabels(header(), text(), finite(), finite(), r.nextDouble() * 20,
                (r.nextDouble() * 2 - 1) * Math.PI, r.nextBoolean(), objects, beams, columns);
    }

    TfMessage tf() {
        return TfMessage.robot(stamp(), pose(), stamp(), pose());
    }

    dev.umwelt.bus.belief.Belief belief() {
        List<dev.umwelt.bus.belief.Belief.ObjectBelief> objects = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            objects.add(new dev.umwelt.bus.belief.Belief.ObjectBelief(r.nextInt(), text(), r.nextBoolean() ? "BOX" : "",
                    finite(), finite(), r.nextDouble(), r.nextDouble(), r.nextInt(Integer.MAX_VALUE), stamp()));
        }
        List<dev.umwelt.bus.belief.Belief.SoundBelief> sounds = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            sounds.add(new dev.umwelt.bus.belief.Belief.SoundBelief(finite(), finite(), r.nextDouble(), -r.nextDouble() * 90,
                    stamp(), r.nextInt(1000)));
        }
        double score = r.nextInt(4) == 0 ? Double.NaN : r.nextDouble();
        return new dev.umwelt.bus.belief.Belief(header(), pose(), pose(), score, objects, sounds, r.nextInt(Integer.MAX_VALUE),
                r.nextDouble() * 900);
    }
}

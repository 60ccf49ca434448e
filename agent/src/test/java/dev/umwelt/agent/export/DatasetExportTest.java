package dev.umwelt.agent.export;

import com.fasterxml.jackson.databind.JsonNode;
import dev.umwelt.bus.Angles;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.command.ActionChunk;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.episode.GroundTruthLabels;
import dev.umwelt.bus.observation.AbsenceReason;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.ros1.ObservationMask;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.Instruction;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.episodes.export.NpzReader;
import dev.umwelt.episodes.replay.EpisodeFile;
import dev.umwelt.episodes.replay.EpisodeFile.Timed;
import dev.umwelt.episodes.replay.EpisodeFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** `umwelt export` on real recorded episodes, read back in Java: every value checked against the episode files. */
class DatasetExportTest {
    private static final long STEP = 200_000_000L;
    static RecordedDataset ds;

    @BeforeAll
    static void recordAndExport() throws IOException {
        ds = RecordedDataset.shared();
    }

    private static <T> Map<Long, T> byStamp(EpisodeFile f, String topic, Class<T> type) throws IOException {
        Map<Long, T> m = new HashMap<>();
        for (Timed<T> t : f.messages(topic, type)) m.put(t.logTime(), t.value());
        return m;
    }

    @Test
    void oneSamplePerDecisionWithTheActionProposedAndTheCommandPassed() throws IOException {
        NpzReader.Array stamp = ds.array("stamp_ns"), action = ds.array("action"), command = ds.array("command"),
                proposedStop = ds.array("proposed_stop"), episode = ds.array("episode"), tick = ds.array("tick");
        int total = 0;
        for (int e = 0; e < ds.files.size(); e++) {
            EpisodeFile f = EpisodeFile.open(ds.files.get(e));
            List<Timed<ActionChunk>> actions = f.messages(EpisodeFormat.ACTION, ActionChunk.class);
            Map<Long, VelocityCommand> commands = byStamp(f, EpisodeFormat.COMMAND, VelocityCommand.class);
            assertEquals(actions.size(), ds.samples(e), "one sample per recorded decision in " + f.path());
            assertEquals(commands.size() + 1, actions.size(), "a STOP tick issues no command");
            int passed = 0, differ = 0;
            for (int k = 0; k < actions.size(); k++) {
                int i = ds.first(e) + k;
                ActionChunk c = actions.get(k).value();
                long t = c.stampNanos();
                assertEquals(t, stamp.i64(i));
                assertEquals(e, episode.i32(i));
                assertEquals(k, tick.i32(i));
                assertEquals((float) c.actionAt(t).linear(), action.f32(2L * i));
                assertEquals((float) c.actionAt(t).angular(), action.f32(2L * i + 1));
                assertEquals(c.stop() ? 1 : 0, proposedStop.u8(i));
                VelocityCommand passedCommand = commands.get(t);
                assertEquals(passedCommand == null ? 0f : (float) passedCommand.twist().linear(), command.f32(2L * i));
                assertEquals(passedCommand == null ? 0f : (float) passedCommand.twist().angular(), command.f32(2L * i + 1));
                if (passedCommand != null) passed++;
                if (action.f32(2L * i) != command.f32(2L * i)) differ++;
            }
            assertEquals(actions.size() - 1, passed);
            if (e == 2) assertTrue(differ > 0, "the shield reined in the random walker: proposed and passed differ somewhere");
            total += actions.size();
        }
        assertEquals(total, stamp.rows());
        assertEquals(total, ds.meta.get("samples").asInt());
    }

    @Test
    void waypointsAreTheTruePosesAheadInTheRobotsFrame() throws IOException {
        NpzReader.Array wp = ds.array("waypoints"), valid = ds.array("waypoints_valid"), pose = ds.array("pose"),
                stamp = ds.array("stamp_ns");
        assertArrayEquals(new long[] {stamp.rows(), 5, 3}, wp.shape());
        int checked = 0, beyondEnd = 0;
        double farthest = 0;
        for (int e = 0; e < ds.files.size(); e++) {
            Map<Long, Odometry> truth = byStamp(EpisodeFile.open(ds.files.get(e)), EpisodeFormat.GROUND_TRUTH, Odometry.class);
            for (int i = ds.first(e); i < ds.first(e) + ds.samples(e); i++) {
                Pose2D at = truth.get(stamp.i64(i)).pose();
                assertEquals((float) at.x(), pose.f32(3L * i));
                assertEquals((float) at.yaw(), pose.f32(3L * i + 2));
                for (int k = 1; k <= 5; k++) {
                    Odometry ahead = truth.get(stamp.i64(i) + k * STEP);
                    int o = 15 * i + 3 * (k - 1);
                    if (ahead == null) {
                        assertEquals(0, valid.u8(5L * i + k - 1), "no pose that far ahead: invalid");
                        beyondEnd++;
                        continue;
                    }
                    assertEquals(1, valid.u8(5L * i + k - 1));
                    Pose2D p = ahead.pose();
                    double dx = p.x() - at.x(), dy = p.y() - at.y(), c = Math.cos(at.yaw()), s = Math.sin(at.yaw());
                    assertEquals(c * dx + s * dy, wp.f32(o), 1e-5, "forward");
                    assertEquals(-s * dx + c * dy, wp.f32(o + 1), 1e-5, "left");
                    assertEquals(Angles.normalize(p.yaw() - at.yaw()), wp.f32(o + 2), 1e-5, "yaw");
                    farthest = Math.max(farthest, Math.hypot(wp.f32(o), wp.f32(o + 1)));
                    checked++;
                }
            }
        }
        assertTrue(checked > 2000 && beyondEnd >= 3 * 5, checked + " checked, " + beyondEnd + " past the end");
        assertTrue(farthest > 0.3, "the robots moved: " + farthest + " m within a second");
    }

    @Test
    void theStopLabelIsOnTheLastTickOfASuccessfulEpisodeOnly() {
        NpzReader.Array stop = ds.array("stop"), proposed = ds.array("proposed_stop");
        for (int e = 0; e < ds.files.size(); e++) {
            JsonNode ep = ds.meta.get("episodes").get(e);
            int last = ds.first(e) + ds.samples(e) - 1, stops = 0;
            for (int i = ds.first(e); i <= last; i++) stops += stop.u8(i);
            assertEquals(1, proposed.u8(last), "every episode here ended with a STOP");
            boolean success = ep.get("success").asBoolean();
            assertEquals(e != 2, success, ep.toString());
            assertEquals(success ? 1 : 0, stops, ep.toString());
            assertEquals(success ? 1 : 0, stop.u8(last));
        }
    }

    @Test
    void theObservationIsTheOneThePolicyActedOn() throws IOException {
        NpzReader.Array presence = ds.array("presence"), absence = ds.array("absence"), lidar = ds.array("lidar"),
                audio = ds.array("audio"), camera = ds.array("camera"), stamp = ds.array("stamp_ns"), age = ds.array("age_s");
        int beams = lidar.rowElements(), dropped = 0, audioRows = 0, pixels = 0;
        for (int e = 0; e < ds.files.size(); e++) {
            EpisodeFile f = EpisodeFile.open(ds.files.get(e));
            Map<Long, ObservationMask> masks = byStamp(f, EpisodeFormat.OBSERVATION, ObservationMask.class);
            Map<Long, LidarScan> scans = byStamp(f, EpisodeFormat.SCAN, LidarScan.class);
            Map<Long, AudioChunk> chunks = byStamp(f, EpisodeFormat.AUDIO, AudioChunk.class);
            Map<Long, CameraFrame> frames = byStamp(f, EpisodeFormat.CAMERA, CameraFrame.class);
            for (int i = ds.first(e); i < ds.first(e) + ds.samples(e); i++) {
                long t = stamp.i64(i);
                ObservationMask mask = masks.get(t);
                for (Modality m : Modality.values()) {
                    ObservationMask.Entry entry = mask.entries().get(m.ordinal());
                    int at = 5 * i + m.ordinal();
                    assertEquals(entry.present() ? 1 : 0, presence.u8(at), m + " at " + t);
                    assertEquals(AbsenceReason.valueOf(entry.absence()).ordinal(), absence.u8(at));
                    assertEquals((float) (entry.ageNanos() / 1e9), age.f32(at));
                }
                ObservationMask.Entry l = mask.entries().get(Modality.LIDAR.ordinal());
                LidarScan scan = l.present() ? scans.get(t - l.ageNanos()) : null;
                for (int b = 0; b < beams; b++) {
                    float expected = scan == null ? 0f : scan.ranges()[b];
                    assertEquals(Float.floatToIntBits(expected), Float.floatToIntBits(lidar.f32((long) beams * i + b)), "beam " + b);
                }
                if (!l.present()) {
                    // single-room's lidar drop: stale at first, then judged dropped
                    assertTrue(List.of("STALE", "DROPPED").contains(l.absence()), l.absence());
                    dropped++;
                }
                ObservationMask.Entry a = mask.entries().get(Modality.AUDIO.ordinal());
                if (a.present()) {
                    AudioChunk chunk = chunks.get(t - a.ageNanos());
                    int width = audio.rowElements() / 2;
                    assertEquals(width, chunk.frames());
                    for (int c = 0; c < 2; c++) {
                        for (int k = 0; k < width; k += 97) {
                            assertEquals(chunk.samples()[2 * k + c], audio.i16((long) audio.rowElements() * i + c * width + k));
                        }
                    }
                    audioRows++;
                }
                ObservationMask.Entry cam = mask.entries().get(Modality.CAMERA.ordinal());
                if (cam.present() && i % 25 == 0) {
                    CameraFrame fr = frames.get(t - cam.ageNanos());
                    assertEquals(128, fr.width()); // the turtle's 128x96 box-filtered to 64x48: 2x2 means
                    for (int v = 0; v < 48; v += 7) {
                        for (int u = 0; u < 64; u += 9) {
                            for (int ch = 0; ch < 3; ch++) {
                                int sum = 0;
                                for (int y = 2 * v; y < 2 * v + 2; y++) for (int x = 2 * u; x < 2 * u + 2; x++) sum += fr.rgb()[3 * (y * 128 + x) + ch] & 0xff;
                                assertEquals((sum + 2) / 4, camera.u8((long) camera.rowElements() * i + 3 * (v * 64 + u) + ch));
                                pixels++;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(dropped >= 15, "about a second of dropped lidar at 20 Hz: " + dropped);
        assertTrue(audioRows > 100, "the kitchen's microphones: " + audioRows);
        assertTrue(pixels > 1000, "pixels checked: " + pixels);
    }

    @Test
    void theInstructionAndTheGroundTruthLabelsComeFromTheirOwnChannels() throws IOException {
        NpzReader.Array instruction = ds.array("instruction"), stamp = ds.array("stamp_ns"), distance = ds.array("target_distance"),
                visible = ds.array("target_visible"), beamObjects = ds.array("beam_objects"), valid = ds.array("labels_valid"),
                target = ds.array("target_object");
        int beams = beamObjects.rowElements(), seen = 0;
        for (int e = 0; e < ds.files.size(); e++) {
            EpisodeFile f = EpisodeFile.open(ds.files.get(e));
            String text = f.messages(EpisodeFormat.INSTRUCTION, Instruction.class).get(0).value().text();
            Map<Long, GroundTruthLabels> labels = byStamp(f, EpisodeFormat.LABELS, GroundTruthLabels.class);
            JsonNode objects = ds.meta.get("episodes").get(e).get("objects");
            for (int i = ds.first(e); i < ds.first(e) + ds.samples(e); i++) {
                assertEquals(text, ds.meta.get("instructions").get(instruction.i32(i)).asText());
                GroundTruthLabels g = labels.get(stamp.i64(i));
                assertEquals(1, valid.u8(i));
                assertEquals((float) g.targetDistance(), distance.f32(i));
                assertEquals(g.targetVisible() ? 1 : 0, visible.u8(i));
                seen += visible.u8(i);
                for (int b = 0; b < beams; b += 13) assertEquals(g.beamLabels()[b], beamObjects.i16((long) beams * i + b));
                int t = target.i16(i);
                if (t > 0) assertTrue(objects.get(t - 1).get("target").asBoolean(), objects.toString());
            }
            assertEquals(g0(labels).objects().size(), objects.size());
        }
        assertTrue(seen > 0, "the camera saw a target at some tick");
        assertEquals(List.of("go to (5.00, 4.00)", "go to the beeping alarm"),
                List.of(ds.meta.get("instructions").get(0).asText(), ds.meta.get("instructions").get(1).asText()));
    }

    private static GroundTruthLabels g0(Map<Long, GroundTruthLabels> labels) {
        return labels.values().iterator().next();
    }
}

package dev.umwelt.episodes.export;

import dev.umwelt.bus.Twist2D;
import dev.umwelt.bus.command.ActionChunk;

import java.util.List;

/**
 * DAgger labels: what a teacher running alongside the driving policy proposed at each tick
 * ({@code /umwelt/teacher/action}, {@code --teacher}). The recording writes a tick's proposal before
 * the driving policy's chunk of the same tick, so the newest one is the sample's when the stamps are
 * equal; a sample without one (no teacher, an older file, a teacher that failed) gets zeros and
 * {@code teacher_valid} 0.
 */
final class TeacherLabels {
    static final List<DatasetLayout.Column> COLUMNS = List.of(
            new DatasetLayout.Column("teacher_valid", NpyType.U1, new int[0],
                    "1 where a teacher running alongside (--teacher) recorded its proposal for the tick on /umwelt/teacher/action",
                    (s, b) -> b.put((byte) (s.teacherValid ? 1 : 0))),
            new DatasetLayout.Column("teacher_action", NpyType.F4, new int[] {2},
                    "the teacher's proposal for the tick: linear m/s, angular rad/s (zeros for its STOP and where not recorded)",
                    (s, b) -> b.putFloat(s.teacherAction[0]).putFloat(s.teacherAction[1])),
            new DatasetLayout.Column("teacher_stop", NpyType.U1, new int[0], "1 where the teacher proposed STOP at the tick",
                    (s, b) -> b.put((byte) (s.teacherStop ? 1 : 0))));

    private ActionChunk latest;

    void add(ActionChunk proposal) {
        latest = proposal;
    }

    /** The teacher's label of {@code s}'s tick, when one was recorded at that stamp. */
    void fill(TickSample s) {
        if (latest == null || latest.stampNanos() != s.stampNanos) return;
        Twist2D t = latest.actionAt(s.stampNanos);
        s.teacherValid = true;
        s.teacherAction[0] = (float) t.linear();
        s.teacherAction[1] = (float) t.angular();
        s.teacherStop = latest.stop();
    }
}

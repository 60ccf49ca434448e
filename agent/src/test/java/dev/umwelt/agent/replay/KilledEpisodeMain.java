package dev.umwelt.agent.replay;

import dev.umwelt.agent.episode.EpisodeRecording;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.scenarios.load.ScenarioLoader;

import java.nio.file.Path;

/**
 * Child process of {@link SigkillRecoveryTest}: records one realtime episode and prints each
 * tick's sim time (ns since the epoch) as it happens, so the parent knows when it killed it.
 */
public final class KilledEpisodeMain {
    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        Scenario s = ScenarioLoader.load(Path.of(args[1]));
        EpisodeSpec spec = EpisodeSpec.of(s, "oracle").withPacing(true, Double.parseDouble(args[2])).withCamera(false);
        EpisodeRecording recording = EpisodeRecording.open(file, spec, System.err::println);
        try (EpisodeRunner runner = new EpisodeRunner(1)) {
            runner.run(spec, nanos -> {
                System.out.println(nanos);
                System.out.flush();
            }, recording);
        }
        recording.complete(null);
    }
}

package dev.umwelt.episodes.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** Lets tests in other packages build the synthetic episode. */
public final class SyntheticEpisodeAccess {
    public static void write(Path file, int ticks, boolean completed) throws IOException {
        SyntheticEpisode.write(file, ticks, completed);
    }

    public static long stamp(int tick) {
        return SyntheticEpisode.stamp(tick);
    }

    public static Map<String, String> metadata() {
        return SyntheticEpisode.episodeMetadata();
    }

    private SyntheticEpisodeAccess() {}
}

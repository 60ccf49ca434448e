package dev.umwelt.agent.pictures;

import dev.umwelt.agent.suite.SuiteOutcome;
import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.scenarios.Scenario;

import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A suite at a glance: one small trajectory map per episode in a grid, each framed green
 * (success) or red (failure or crash) with its scenario's name, under a one-line title.
 */
public final class ContactSheet {
    public static final int MAX_TILES = 100;
    public static final int TILE = 220, BORDER = 5, LABEL = 18, HEADER = 30, MAX_COLUMNS = 10;
    public static final String FILE = "contact-sheet.png";

    /** One episode: its scenario, path and events (empty when it crashed) and whether it succeeded. */
    public record Tile(Scenario scenario, List<Pose2D> trajectory, List<EpisodeEvent> events, boolean success, String label) {
        public Tile {
            Objects.requireNonNull(scenario, "scenario");
            trajectory = List.copyOf(trajectory);
            events = List.copyOf(events);
            label = label == null ? scenario.name() : label;
        }

        public static Tile of(SuiteOutcome o) {
            Scenario s = o.entry().scenario();
            if (o.failedToRun()) return new Tile(s, List.of(), List.of(), false, s.name() + " (crashed)");
            return new Tile(s, o.result().trajectory(), o.result().events(), o.result().metrics().success(), s.name());
        }
    }

    /** Where tile {@code i} lies: row-major from the top-left, below the header. */
    public record Layout(int columns, int rows) {
        public Rectangle tile(int i) {
            return new Rectangle((i % columns) * TILE, HEADER + (i / columns) * TILE, TILE, TILE);
        }

        public int width() { return columns * TILE; }
        public int height() { return HEADER + rows * TILE; }

        /** The grid for n tiles: about square, at most MAX_COLUMNS wide. */
        public static Layout forTiles(int n) {
            int columns = Math.max(1, Math.min(MAX_COLUMNS, (int) Math.ceil(Math.sqrt(n))));
            return new Layout(columns, Math.max(1, (n + columns - 1) / columns));
        }
    }

    /** The drawn sheet; {@code shown < total} when it was capped at {@link #MAX_TILES}. */
    public record Sheet(BufferedImage image, Layout layout, int shown, int total) {
        public boolean capped() { return shown < total; }
    }

    private ContactSheet() {}

    public static Sheet render(String title, List<Tile> tiles) {
        int shown = Math.min(MAX_TILES, tiles.size());
        Layout layout = Layout.forTiles(shown);
        BufferedImage img = Style.newImage(layout.width(), layout.height());
        Graphics2D g = Style.graphics(img);
        g.setColor(Style.CAPTION_BAND);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        long ok = tiles.stream().filter(Tile::success).count();
        String head = String.format(java.util.Locale.ROOT, "%s: %d episodes, %d succeeded", title, tiles.size(), ok)
                + (shown < tiles.size() ? "   (showing the first " + shown + ")" : "");
        g.setColor(Style.TEXT);
        g.setFont(Style.CAPTION_BOLD);
        Style.text(g, head, 8, 20);
        for (int i = 0; i < shown; i++) drawTile(g, layout.tile(i), tiles.get(i));
        g.dispose();
        return new Sheet(img, layout, shown, tiles.size());
    }

    public static Sheet write(Path file, String title, List<Tile> tiles) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Sheet sheet = render(title, tiles);
        RunPictures.png(sheet.image(), file);
        return sheet;
    }

    private static void drawTile(Graphics2D g, Rectangle r, Tile t) {
        g.setColor(t.success() ? Style.SUCCESS : Style.FAILURE);
        g.fill(r);
        int inner = TILE - 2 * BORDER;
        TopDownMap map = TopDownMap.thumbnail(t.scenario(), inner, inner - LABEL);
        BufferedImage tile = map.newFrame();
        Graphics2D tg = map.overlayGraphics(tile);
        map.drawTrajectory(tg, t.trajectory());
        map.drawCollisions(tg, TopDownMap.collisionPoses(t.trajectory(), t.events(),
                t.scenario().robot().controlPeriodNanos()));
        if (!t.trajectory().isEmpty()) map.drawRobot(tg, t.trajectory().get(t.trajectory().size() - 1));
        tg.dispose();
        g.drawImage(tile, r.x + BORDER, r.y + BORDER, null);
        g.setColor(Style.CAPTION_BAND);
        g.fillRect(r.x + BORDER, r.y + BORDER + inner - LABEL, inner, LABEL);
        g.setColor(Style.TEXT);
        g.setFont(Style.SMALL);
        String label = t.label();
        while (label.length() > 4 && Style.textWidth(g, label) > inner - 8) label = label.substring(0, label.length() - 2);
        if (!label.equals(t.label())) label = label + "\u2026";
        Style.text(g, label, r.x + BORDER + 4, r.y + BORDER + inner - 5);
    }
}

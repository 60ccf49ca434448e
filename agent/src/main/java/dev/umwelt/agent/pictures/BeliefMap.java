package dev.umwelt.agent.pictures;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Vec2;
import dev.umwelt.bus.appearance.Colour;
import dev.umwelt.worldmodel.MapSnapshot;
import dev.umwelt.worldmodel.objects.RememberedObject;
import dev.umwelt.worldmodel.query.Frontier;
import dev.umwelt.worldmodel.sound.SoundSource;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/**
 * {@code map.png}: what the robot believes, drawn from its world model alone (never the
 * scenario): occupancy cells (free white, occupied dark, unknown grey), the path by the
 * estimated pose (blue), remembered objects as discs in their palette colour with a dark rim,
 * sound sources as magenta rings (radius = 1-sigma uncertainty, at least 6 px) with a dot, and
 * frontiers as orange squares. The view is cropped to what is known, north up.
 */
public final class BeliefMap {
    public static final Color FREE = new Color(0xFFFFFF), OCCUPIED = new Color(0x2F343A), UNKNOWN = new Color(0xB0B4BA);
    public static final Color PATH = new Color(0x1E88E5), FRONTIER = new Color(0xFB8C00), SOUND = new Color(0xD81B60);
    public static final Color OBJECT_RIM = new Color(0x111111), START = new Color(0x0D47A1);
    /** Frontier square half-size and object disc radius floor, pixels. */
    public static final int FRONTIER_HALF = 4, OBJECT_MIN_RADIUS = 6;

    private final MapSnapshot map;
    private final MapTransform view;
    private final int width, height;

    private BeliefMap(MapSnapshot map, MapTransform view, int width, int height) {
        this.map = map;
        this.view = view;
        this.width = width;
        this.height = height;
    }

    /** Fitted into at most maxWidth x maxHeight pixels around the known area (plus 0.5 m). */
    public static BeliefMap fitted(MapSnapshot map, int maxWidth, int maxHeight) {
        double[] b = map.knownBounds(0.5);
        double spanX = b[2] - b[0], spanY = b[3] - b[1];
        double scale = Math.min(maxWidth / spanX, maxHeight / spanY);
        int w = Math.max(1, (int) Math.floor(spanX * scale)), h = Math.max(1, (int) Math.floor(spanY * scale));
        return new BeliefMap(map, MapTransform.fit(new Vec2(b[0], b[1]), new Vec2(b[2], b[3]), 0, 0, w, h, 0), w, h);
    }

    public MapTransform view() { return view; }

    public BufferedImage render() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        // cells by pixel-centre lookup: exact, no resampling blur
        int[] row = new int[width];
        for (int v = 0; v < height; v++) {
            double y = (view.originV() - (v + 0.5)) / view.scale();
            int iy = (int) Math.floor((y - map.originY()) / map.resolution());
            for (int u = 0; u < width; u++) {
                double x = ((u + 0.5) - view.originU()) / view.scale();
                int ix = (int) Math.floor((x - map.originX()) / map.resolution());
                row[u] = switch (map.cell(ix, iy)) {
                    case MapSnapshot.FREE -> FREE.getRGB();
                    case MapSnapshot.OCCUPIED -> OCCUPIED.getRGB();
                    default -> UNKNOWN.getRGB();
                };
            }
            img.setRGB(0, v, width, 1, row, 0, width);
        }
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            drawPath(g);
            for (Frontier f : map.frontiers()) {
                int[] p = view.pixelOf(f.x(), f.y());
                g.setColor(FRONTIER);
                g.fillRect(p[0] - FRONTIER_HALF, p[1] - FRONTIER_HALF, 2 * FRONTIER_HALF + 1, 2 * FRONTIER_HALF + 1);
            }
            for (RememberedObject o : map.objects()) drawObject(g, o);
            for (SoundSource s : map.sounds()) drawSound(g, s);
        } finally {
            g.dispose();
        }
        return img;
    }

    private void drawPath(Graphics2D g) {
        if (map.trail().isEmpty()) return;
        Path2D.Double path = new Path2D.Double();
        Pose2D first = map.trail().get(0);
        path.moveTo(view.u(first.x()), view.v(first.y()));
        for (Pose2D p : map.trail()) path.lineTo(view.u(p.x()), view.v(p.y()));
        g.setColor(PATH);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(path);
        g.setColor(START);
        g.fill(new Ellipse2D.Double(view.u(first.x()) - 4, view.v(first.y()) - 4, 8, 8));
    }

    private void drawObject(Graphics2D g, RememberedObject o) {
        double r = Math.max(OBJECT_MIN_RADIUS, view.length(o.radius()));
        double u = view.u(o.x()), v = view.v(o.y());
        Integer rgb = o.colour() == null ? null : Colour.PALETTE.get(o.colour());
        g.setColor(rgb == null ? Color.GRAY : new Color(rgb));
        Ellipse2D.Double disc = new Ellipse2D.Double(u - r, v - r, 2 * r, 2 * r);
        g.fill(disc);
        g.setColor(OBJECT_RIM);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(disc);
    }

    private void drawSound(Graphics2D g, SoundSource s) {
        double r = Math.max(6, view.length(s.uncertainty()));
        double u = view.u(s.x()), v = view.v(s.y());
        g.setColor(SOUND);
        g.setStroke(new BasicStroke(2f));
        g.draw(new Ellipse2D.Double(u - r, v - r, 2 * r, 2 * r));
        g.fill(new Ellipse2D.Double(u - 3, v - 3, 6, 6));
    }
}

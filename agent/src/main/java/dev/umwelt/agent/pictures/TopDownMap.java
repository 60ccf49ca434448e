package dev.umwelt.agent.pictures;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.time.Clock;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.metrics.EpisodeMetrics;
import dev.umwelt.scenarios.task.PointGoal;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A scenario's world drawn top-down in the map frame, x right and y UP (REP-103; the image's
 * rows run down, so y is flipped), scaled to fit the image with a margin, with a caption band
 * of {@code captionHeight} pixels at the bottom. The static layer (floor, rooms, walls, doors,
 * objects, goal, start, scale bar) is drawn once and cached; overlays (trajectory, robot,
 * lidar, caption) are drawn per picture or per viewer frame on a copy.
 */
public final class TopDownMap {
    public static final int MARGIN = 24;
    public static final int CAPTION_HEIGHT = 68;

    private final Scenario scenario;
    private final int width, height;
    private final Rectangle mapArea;
    private final MapTransform transform;
    private final WorldPainter painter;
    private volatile BufferedImage staticLayer;

    public TopDownMap(Scenario scenario, int width, int height, int captionHeight) {
        this(scenario, width, height, captionHeight, false, 0);
    }

    /** A thumbnail (contact sheets): the same map without room names, door labels and axes. */
    public static TopDownMap thumbnail(Scenario scenario, int width, int height) {
        return new TopDownMap(scenario, width, height, 0, true, 0);
    }

    /** The viewer's map: the world is fitted left of a column {@code reserveRight} pixels wide (the camera inset's). */
    static TopDownMap besideInset(Scenario scenario, int width, int height, int captionHeight, int reserveRight) {
        return new TopDownMap(scenario, width, height, captionHeight, false, reserveRight);
    }

    private TopDownMap(Scenario scenario, int width, int height, int captionHeight, boolean compact, int reserveRight) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
        if (width < 2 * MARGIN + 8 || height - captionHeight < 2 * MARGIN + 8 || captionHeight < 0) {
            throw new IllegalArgumentException("map image too small: " + width + "x" + height + " with a caption of "
                    + captionHeight + " px");
        }
        this.width = width;
        this.height = height;
        this.mapArea = new Rectangle(0, 0, width, height - captionHeight);
        Vec2[] e = extent(scenario);
        this.transform = MapTransform.fit(e[0], e[1], 0, 0, Math.max(2 * MARGIN + 8, width - reserveRight),
                height - captionHeight, MARGIN);
        this.painter = new WorldPainter(scenario, transform, compact);
    }

    /**
     * A map {@code width} pixels wide whose height follows the world's aspect ratio (at most
     * {@code maxMapHeight} pixels of map), plus the caption band: no empty bands around a long corridor.
     */
    public static TopDownMap fitted(Scenario scenario, int width, int maxMapHeight, int captionHeight) {
        Vec2[] e = extent(scenario);
        double spanX = Math.max(e[1].x() - e[0].x(), 1e-3), spanY = Math.max(e[1].y() - e[0].y(), 1e-3);
        double scale = Math.min((width - 2.0 * MARGIN) / spanX, (maxMapHeight - 2.0 * MARGIN) / spanY);
        int mapHeight = Math.max(2 * MARGIN + 60, (int) Math.ceil(spanY * scale) + 2 * MARGIN);
        return new TopDownMap(scenario, width, Math.min(maxMapHeight, mapHeight) + captionHeight, captionHeight);
    }

    public Scenario scenario() { return scenario; }
    public int width() { return width; }
    public int height() { return height; }
    public MapTransform transform() { return transform; }
    /** The part of the image the map owns (the caption band is below it). */
    public Rectangle mapArea() { return new Rectangle(mapArea); }

    /** The cached static layer. Shared: draw on {@link #newFrame()}, never on this. */
    public BufferedImage staticLayer() {
        BufferedImage s = staticLayer;
        if (s == null) {
            synchronized (this) {
                if (staticLayer == null) {
                    BufferedImage img = Style.newImage(width, height);
                    Graphics2D g = Style.graphics(img);
                    g.setColor(Style.CAPTION_BAND);
                    g.fillRect(0, 0, width, height);
                    g.setClip(mapArea);
                    painter.paint(g, mapArea);
                    g.dispose();
                    staticLayer = img;
                }
                s = staticLayer;
            }
        }
        return s;
    }

    /** A fresh image holding the static layer, to draw overlays on. */
    public BufferedImage newFrame() {
        BufferedImage img = Style.newImage(width, height);
        Graphics2D g = img.createGraphics();
        g.drawImage(staticLayer(), 0, 0, null);
        g.dispose();
        return img;
    }

    /** Graphics for overlays with this picture's hints, clipped to the map area. */
    public Graphics2D overlayGraphics(BufferedImage frame) {
        Graphics2D g = Style.graphics(frame);
        g.setClip(mapArea);
        return g;
    }

    /** The path as a polyline through the poses' positions. */
    public void drawTrajectory(Graphics2D g, List<Pose2D> path) {
        if (path.size() < 2) return;
        Path2D line = new Path2D.Double(Path2D.WIND_NON_ZERO, path.size());
        line.moveTo(transform.u(path.get(0).x()), transform.v(path.get(0).y()));
        for (int i = 1; i < path.size(); i++) line.lineTo(transform.u(path.get(i).x()), transform.v(path.get(i).y()));
        g.setColor(Style.TRAJECTORY);
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
        g.setStroke(new BasicStroke(1f));
    }

    /** A red cross with a white halo at each position. */
    public void drawCollisions(Graphics2D g, List<Pose2D> where) {
        for (Pose2D p : where) {
            double u = transform.u(p.x()), v = transform.v(p.y()), a = 6;
            Line2D d1 = new Line2D.Double(u - a, v - a, u + a, v + a), d2 = new Line2D.Double(u - a, v + a, u + a, v - a);
            g.setColor(java.awt.Color.WHITE);
            g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(d1);
            g.draw(d2);
            g.setColor(Style.COLLISION);
            g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(d1);
            g.draw(d2);
        }
        g.setStroke(new BasicStroke(1f));
    }

    /** The robot's footprint circle (from its description) and a heading line from its centre. */
    public void drawRobot(Graphics2D g, Pose2D pose) {
        double r = transform.length(scenario.robot().footprintRadius());
        double u = transform.u(pose.x()), v = transform.v(pose.y());
        Ellipse2D body = new Ellipse2D.Double(u - r, v - r, 2 * r, 2 * r);
        g.setColor(Style.ROBOT_FILL);
        g.fill(body);
        g.setColor(Style.ROBOT);
        g.setStroke(new BasicStroke(2f));
        g.draw(body);
        double len = Math.max(r * 1.6, 10);
        g.draw(new Line2D.Double(u, v, u + Math.cos(pose.yaw()) * len, v - Math.sin(pose.yaw()) * len));
        g.setStroke(new BasicStroke(1f));
    }

    /**
     * One scan's beams from the laser (the robot pose composed with the description's lidar
     * mount): finite ranges to their hit points, {@code +Inf} faint to {@code rangeMax},
     * {@code -Inf} (closer than rangeMin) to {@code rangeMin}, {@code NaN} not at all (REP-117).
     */
    public void drawLidar(Graphics2D g, Pose2D robotPose, LidarScan scan) {
        Pose2D laser = robotPose.compose(scenario.robot().lidar().mount());
        double ou = transform.u(laser.x()), ov = transform.v(laser.y());
        Path2D hits = new Path2D.Double(), misses = new Path2D.Double();
        List<double[]> dots = new ArrayList<>(scan.beams());
        float[] ranges = scan.ranges();
        for (int i = 0; i < ranges.length; i++) {
            float r = ranges[i];
            if (Float.isNaN(r)) continue;
            double range = r == Float.POSITIVE_INFINITY ? scan.rangeMax() : r == Float.NEGATIVE_INFINITY ? scan.rangeMin() : r;
            double a = laser.yaw() + scan.angleOf(i);
            double u = transform.u(laser.x() + Math.cos(a) * range), v = transform.v(laser.y() + Math.sin(a) * range);
            Path2D target = r == Float.POSITIVE_INFINITY ? misses : hits;
            target.moveTo(ou, ov);
            target.lineTo(u, v);
            if (Float.isFinite(r)) dots.add(new double[] {u, v});
        }
        g.setStroke(new BasicStroke(1f));
        g.setColor(Style.LIDAR_MISS);
        g.draw(misses);
        g.setColor(Style.LIDAR_HIT);
        g.draw(hits);
        g.setColor(Style.LIDAR_HIT_DOT);
        for (double[] d : dots) g.fill(new Rectangle2D.Double(d[0] - 1.5, d[1] - 1.5, 3, 3));
    }

    /** Caption lines in the band under the map; the first is bold. */
    public void drawCaption(Graphics2D g, List<String> lines) {
        g.setClip(null);
        g.setColor(Style.CAPTION_BAND);
        g.fillRect(0, mapArea.height, width, height - mapArea.height);
        g.setColor(Style.TEXT);
        double y = mapArea.height + 19;
        for (int i = 0; i < lines.size(); i++) {
            g.setFont(i == 0 ? Style.CAPTION_BOLD : Style.CAPTION);
            Style.text(g, lines.get(i), 10, y);
            y += 19;
        }
        g.setClip(mapArea);
    }

    /** The run picture: the map, the trajectory, collision points, the final pose and a caption. */
    public BufferedImage renderRun(List<Pose2D> trajectory, List<EpisodeEvent> events, EpisodeMetrics metrics) {
        BufferedImage img = newFrame();
        Graphics2D g = overlayGraphics(img);
        drawTrajectory(g, trajectory);
        drawCollisions(g, collisionPoses(trajectory, events, scenario.robot().controlPeriodNanos()));
        if (!trajectory.isEmpty()) drawRobot(g, trajectory.get(trajectory.size() - 1));
        if (height > mapArea.height) drawCaption(g, caption(scenario, metrics));
        g.dispose();
        return img;
    }

    /**
     * Where the robot was when each contact began: the trajectory holds one pose per control
     * tick from sim time 0, so an event's stamp picks its tick.
     */
    public static List<Pose2D> collisionPoses(List<Pose2D> trajectory, List<EpisodeEvent> events, long controlPeriodNanos) {
        if (trajectory.isEmpty() || controlPeriodNanos <= 0) return List.of();
        List<Pose2D> out = new ArrayList<>();
        for (EpisodeEvent e : events) {
            if (e.kind() != EpisodeEvent.Kind.COLLISION_BEGAN) continue;
            long tick = Math.round((e.stampNanos() - Clock.SIM_EPOCH_NANOS) / (double) controlPeriodNanos);
            out.add(trajectory.get((int) Math.max(0, Math.min(trajectory.size() - 1, tick))));
        }
        return out;
    }

    /** Scenario and task, the instruction, and the outcome (metrics may be null: no outcome line). */
    public static List<String> caption(Scenario s, EpisodeMetrics m) {
        List<String> lines = new ArrayList<>();
        lines.add(s.name() + "  (" + s.task().kind() + ")");
        lines.add("\u201C" + s.task().instruction() + "\u201D");
        if (m != null) {
            lines.add(String.format(Locale.ROOT, "%s   SPL %.3f   soft SPL %.3f   collisions %d   %.1f s   path %.2f m   end: %s",
                    m.success() ? "SUCCESS" : "FAILURE", m.spl(), m.softSpl(), m.collisions(), m.timeSeconds(),
                    m.pathLength(), m.endReason()));
        }
        return lines;
    }

    /** World bounds grown to include the start pose and the goal's success circle. */
    static Vec2[] extent(Scenario s) {
        Vec2[] b = s.world().bounds();
        double minX = b[0].x(), minY = b[0].y(), maxX = b[1].x(), maxY = b[1].y();
        double r = s.robot().footprintRadius();
        minX = Math.min(minX, s.start().x() - r); maxX = Math.max(maxX, s.start().x() + r);
        minY = Math.min(minY, s.start().y() - r); maxY = Math.max(maxY, s.start().y() + r);
        if (s.task() instanceof PointGoal p) {
            double g = p.successRadius();
            minX = Math.min(minX, p.goal().x() - g); maxX = Math.max(maxX, p.goal().x() + g);
            minY = Math.min(minY, p.goal().y() - g); maxY = Math.max(maxY, p.goal().y() + g);
        }
        return new Vec2[] {new Vec2(minX, minY), new Vec2(maxX, maxY)};
    }
}

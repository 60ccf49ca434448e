package dev.umwelt.agent.pictures;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.task.ObjectGoal;
import dev.umwelt.scenarios.task.PointGoal;
import dev.umwelt.scenarios.world.Door;
import dev.umwelt.scenarios.world.Room;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

/** The static part of a top-down map: what does not change while an episode runs. */
final class WorldPainter {
    private final Scenario scenario;
    private final MapTransform t;
    /** Thumbnails: no names, labels or axes, which would only be clutter at that size. */
    private final boolean compact;

    WorldPainter(Scenario scenario, MapTransform t, boolean compact) {
        this.scenario = scenario;
        this.t = t;
        this.compact = compact;
    }

    /** Everything static, inside {@code area} (the part of the image the map owns). */
    void paint(Graphics2D g, Rectangle area) {
        g.setColor(Style.BACKGROUND);
        g.fill(area);
        WorldMap w = scenario.world();
        Vec2[] b = floor(w);
        g.setColor(Style.FLOOR);
        g.fill(rect(b[0], b[1]));
        paintRooms(g, w.rooms());
        paintWalls(g, w.walls());
        if (!compact) paintDoors(g, w.doors());
        paintGoal(g);
        for (WorldObject o : w.objects()) paintObject(g, o);
        paintTargetHighlight(g);
        paintStart(g, scenario.start());
        paintScaleBar(g, area);
        if (!compact) paintAxes(g, area);
    }

    /** The floor is what the walls enclose (their bounds), or everything when there are none. */
    private static Vec2[] floor(WorldMap w) {
        if (w.walls().isEmpty()) return w.bounds();
        WorldMap wallsOnly = new WorldMap(w.walls(), List.of(), List.of(), List.of());
        return wallsOnly.bounds();
    }

    private Rectangle2D rect(Vec2 min, Vec2 max) {
        double u0 = t.u(min.x()), u1 = t.u(max.x()), v0 = t.v(max.y()), v1 = t.v(min.y());
        return new Rectangle2D.Double(u0, v0, u1 - u0, v1 - v0);
    }

    private void paintRooms(Graphics2D g, List<Room> rooms) {
        for (int i = 0; i < rooms.size(); i++) {
            g.setColor(Style.ROOM_TINTS[i % Style.ROOM_TINTS.length]);
            g.fill(rect(rooms.get(i).min(), rooms.get(i).max()));
        }
        if (compact) return;
        g.setFont(Style.LABEL);
        for (Room r : rooms) {
            // Names sit near the room's top edge, where objects and paths rarely are.
            double u = t.u(r.center().x()), v = t.v(r.max().y()) + 16;
            g.setColor(Style.ROOM_TEXT);
            Style.text(g, r.name(), u - Style.textWidth(g, r.name()) / 2.0, v);
        }
    }

    private void paintWalls(Graphics2D g, List<Wall> walls) {
        g.setColor(Style.WALL);
        for (Wall wall : walls) g.fill(polygon(wall.corners()));
    }

    private void paintDoors(Graphics2D g, List<Door> doors) {
        g.setFont(Style.SMALL);
        for (Door d : doors) {
            if (d.label() == null || d.label().isBlank()) continue;
            double u = t.u(d.center().x()), v = t.v(d.center().y());
            g.setColor(Style.DOOR_TEXT);
            g.fill(new Ellipse2D.Double(u - 1.5, v - 1.5, 3, 3));
            Style.text(g, d.label(), u + 4, v - 4);
        }
    }

    private void paintObject(Graphics2D g, WorldObject o) {
        Color fill = Style.rgb(o.colour().rgb());
        java.awt.Shape s = o.shape() == Shape.BOX ? polygon(o.boxCorners()) : disc(o.position(), o.sizeX() / 2);
        g.setColor(fill);
        g.fill(s);
        g.setColor(fill.darker().darker());
        g.setStroke(o.movable() ? Style.DASHED : new BasicStroke(1.2f));
        g.draw(s);
        if (o.shape() == Shape.CONE) {
            double r = Math.max(1.5, t.length(o.sizeX()) / 10);
            g.fill(new Ellipse2D.Double(t.u(o.pose().x()) - r, t.v(o.pose().y()) - r, 2 * r, 2 * r));
        }
        g.setStroke(new BasicStroke(1f));
    }

    private void paintGoal(Graphics2D g) {
        if (!(scenario.task() instanceof PointGoal p)) return;
        java.awt.Shape ring = disc(p.goal(), p.successRadius());
        g.setColor(Style.GOAL_FILL);
        g.fill(ring);
        g.setColor(Style.GOAL);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(ring);
        double u = t.u(p.goal().x()), v = t.v(p.goal().y()), a = Math.max(6, t.length(0.12));
        g.setStroke(new BasicStroke(2.5f));
        g.draw(new Line2D.Double(u - a, v - a, u + a, v + a));
        g.draw(new Line2D.Double(u - a, v + a, u + a, v - a));
        g.setStroke(new BasicStroke(1f));
    }

    /** ObjectNav: the target stands out, with a ring where STOP would count (bounding radius + success radius). */
    private void paintTargetHighlight(Graphics2D g) {
        if (!(scenario.task() instanceof ObjectGoal og)) return;
        WorldObject target = scenario.world().object(og.targetId()).orElse(null);
        if (target == null) return;
        java.awt.Shape ring = disc(target.position(), target.boundingRadius() + og.successRadius());
        g.setColor(Style.GOAL_FILL);
        g.fill(ring);
        g.setColor(Style.GOAL);
        g.setStroke(Style.DASHED);
        g.draw(ring);
        g.setStroke(new BasicStroke(3f));
        g.draw(disc(target.position(), target.boundingRadius() + 2 / t.scale()));
        g.setStroke(new BasicStroke(1f));
        paintObject(g, target); // the ring's tint must not wash out the target's own colour
    }

    private void paintStart(Graphics2D g, Pose2D start) {
        double len = Math.max(18, t.length(2.5 * scenario.robot().footprintRadius()));
        g.setColor(Style.START);
        g.fill(arrow(start, len));
    }

    /** An arrow from the pose along its heading, {@code len} pixels long. Image y is down: heading flips. */
    Path2D arrow(Pose2D p, double len) {
        double u = t.u(p.x()), v = t.v(p.y());
        double c = Math.cos(p.yaw()), s = -Math.sin(p.yaw());
        double head = len * 0.45, half = len * 0.28, shaft = len * 0.09;
        double tipU = u + c * len, tipV = v + s * len;
        double baseU = u + c * (len - head), baseV = v + s * (len - head);
        Path2D path = new Path2D.Double();
        path.moveTo(u - s * shaft, v + c * shaft);
        path.lineTo(baseU - s * shaft, baseV + c * shaft);
        path.lineTo(baseU - s * half, baseV + c * half);
        path.lineTo(tipU, tipV);
        path.lineTo(baseU + s * half, baseV - c * half);
        path.lineTo(baseU + s * shaft, baseV - c * shaft);
        path.lineTo(u + s * shaft, v - c * shaft);
        path.closePath();
        return path;
    }

    /** A bar of a round length near 80 px (1 m whenever that is legible) in the bottom-left corner. */
    private void paintScaleBar(Graphics2D g, Rectangle area) {
        double metres = 1;
        for (double m : new double[] {1, 2, 5, 10, 20, 50}) {
            metres = m;
            if (t.length(m) >= 30) break;
        }
        double px = t.length(metres);
        double x0 = area.x + 12, y0 = area.y + area.height - 12;
        g.setColor(Style.TEXT);
        g.fill(new Rectangle2D.Double(x0, y0 - 3, px, 3));
        g.fill(new Rectangle2D.Double(x0, y0 - 7, 1.5, 7));
        g.fill(new Rectangle2D.Double(x0 + px - 1.5, y0 - 7, 1.5, 7));
        g.setFont(Style.SMALL);
        Style.text(g, String.format(Locale.ROOT, "%.0f m", metres), x0 + px + 5, y0);
    }

    /** x (east) to the right and y (north) up, so nobody reads the map mirrored. */
    private void paintAxes(Graphics2D g, Rectangle area) {
        double ox = area.x + 14, oy = area.y + 40, len = 24;
        g.setColor(Style.TEXT);
        g.setStroke(new BasicStroke(1.5f));
        g.draw(new Line2D.Double(ox, oy, ox + len, oy));
        g.draw(new Line2D.Double(ox, oy, ox, oy - len));
        g.fill(triangle(ox + len + 5, oy, ox + len, oy - 3, ox + len, oy + 3));
        g.fill(triangle(ox, oy - len - 5, ox - 3, oy - len, ox + 3, oy - len));
        g.setStroke(new BasicStroke(1f));
        g.setFont(Style.SMALL);
        Style.text(g, "x (E)", ox + len + 8, oy + 4);
        Style.text(g, "y (N)", ox + 5, oy - len - 2);
    }

    private static Path2D triangle(double x0, double y0, double x1, double y1, double x2, double y2) {
        Path2D p = new Path2D.Double();
        p.moveTo(x0, y0);
        p.lineTo(x1, y1);
        p.lineTo(x2, y2);
        p.closePath();
        return p;
    }

    Path2D polygon(List<Vec2> corners) {
        Path2D p = new Path2D.Double();
        for (int i = 0; i < corners.size(); i++) {
            double u = t.u(corners.get(i).x()), v = t.v(corners.get(i).y());
            if (i == 0) p.moveTo(u, v);
            else p.lineTo(u, v);
        }
        p.closePath();
        return p;
    }

    Ellipse2D disc(Vec2 centre, double radiusMetres) {
        double r = t.length(radiusMetres);
        return new Ellipse2D.Double(t.u(centre.x()) - r, t.v(centre.y()) - r, 2 * r, 2 * r);
    }
}

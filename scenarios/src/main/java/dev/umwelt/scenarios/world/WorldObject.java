package dev.umwelt.scenarios.world;

import dev.umwelt.bus.appearance.Colour;

import dev.umwelt.bus.appearance.Shape;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Vec2;

import java.util.List;

/**
 * A thing in the world with an identity, a label ("box", "chair"), a shape and a colour.
 * {@code sizeX}/{@code sizeY} are the box's length and width in its own frame; for round
 * shapes {@code sizeX} is the diameter. Movable objects are dynamic bodies with
 * {@code massKg}; static ones are part of the planning map.
 */
public record WorldObject(String id, String label, Shape shape, Colour colour, Pose2D pose,
                          double sizeX, double sizeY, double height, boolean movable, double massKg) {

    public Vec2 position() {
        return new Vec2(pose.x(), pose.y());
    }

    /** Radius of the disc for round shapes; half-diagonal for boxes (a bounding radius). */
    public double boundingRadius() {
        return shape.isRound() ? sizeX / 2 : Math.hypot(sizeX, sizeY) / 2;
    }

    /** Footprint corners of a box, counter-clockwise in the world frame. */
    public List<Vec2> boxCorners() {
        double hx = sizeX / 2, hy = sizeY / 2;
        Vec2 c = position();
        return List.of(new Vec2(-hx, -hy), new Vec2(hx, -hy), new Vec2(hx, hy), new Vec2(-hx, hy))
                .stream().map(v -> v.rotated(pose.yaw()).plus(c)).toList();
    }

    /** Distance from a point to this object's footprint surface (0 inside). */
    public double distanceTo(Vec2 p) {
        if (shape.isRound()) return Math.max(0, p.distanceTo(position()) - sizeX / 2);
        Vec2 local = p.minus(position()).rotated(-pose.yaw());
        double dx = Math.max(0, Math.abs(local.x()) - sizeX / 2);
        double dy = Math.max(0, Math.abs(local.y()) - sizeY / 2);
        return Math.hypot(dx, dy);
    }
}

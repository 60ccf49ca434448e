package dev.umwelt.sim.render;

/**
 * An uploaded world, valid on the {@link RenderService} that made it until
 * {@link RenderService#release}. Opaque: the GPU state behind it belongs to the render thread.
 */
public final class SceneHandle {
    final RenderService owner;
    final int id;
    private final RenderStyle style;
    private final int movableCount;

    SceneHandle(RenderService owner, int id, RenderStyle style, int movableCount) {
        this.owner = owner;
        this.id = id;
        this.style = style;
        this.movableCount = movableCount;
    }

    public RenderStyle style() {
        return style;
    }

    /** How many poses {@code render} expects: world.movableObjects().size(). */
    public int movableCount() {
        return movableCount;
    }

    @Override
    public String toString() {
        return "SceneHandle[" + id + ", " + movableCount + " movable]";
    }
}

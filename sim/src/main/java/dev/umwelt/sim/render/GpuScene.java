package dev.umwelt.sim.render;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.Vec2;
import dev.umwelt.scenarios.world.Wall;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;
import org.lwjgl.system.MemoryUtil;

import java.nio.FloatBuffer;
import java.util.List;

import static org.lwjgl.opengl.GL33C.*;

/**
 * One episode's world on the GPU, laid out for the per-frame path. Per shape kind there is one
 * instance array: [static instances | movable instances], each instance a model matrix and a
 * colour ({@link Mat4#INSTANCE_FLOATS} floats). The floor and the walls are cubes. Static
 * instances are uploaded once; a frame rewrites only the movable tail of each kind's buffer.
 * The reference path draws from the same arrays, one draw per instance. Render thread only.
 */
final class GpuScene implements AutoCloseable {
    /** Floor slab thickness; its top face is the z = 0 plane. */
    static final double FLOOR_THICKNESS = 0.02;
    /** Floor margin beyond the world's bounds: the camera's far plane (30 m). */
    static final double FLOOR_MARGIN = 30;
    /** Texture-noise weight (colour alpha): full on walls and floor, half on named objects. */
    private static final float SURFACE_NOISE = 1f, OBJECT_NOISE = 0.5f;

    final RenderStyle style;
    final float[][] instances = new float[Meshes.KINDS][];
    final int[] staticCount = new int[Meshes.KINDS];
    final int[] count = new int[Meshes.KINDS];
    final int[] vao = new int[Meshes.KINDS];
    private final int[] vbo = new int[Meshes.KINDS];
    private final FloatBuffer[] staging = new FloatBuffer[Meshes.KINDS];
    // Movable object i (world.movableObjects() order) lives at instances[movKind[i]] slot movSlot[i].
    private final int[] movKind, movSlot;
    private final double[] movSizeX, movSizeY, movHeight;
    private final boolean[] movDirty = new boolean[Meshes.KINDS];

    GpuScene(WorldMap world, RenderStyle style, int[] meshVbo) {
        this.style = style;
        List<WorldObject> statics = world.staticObjects(), movables = world.movableObjects();
        for (WorldObject o : statics) staticCount[kind(o)]++;
        staticCount[Meshes.CUBE] += 1 + world.walls().size();           // floor + walls
        System.arraycopy(staticCount, 0, count, 0, Meshes.KINDS);
        int n = movables.size();
        movKind = new int[n];
        movSlot = new int[n];
        movSizeX = new double[n];
        movSizeY = new double[n];
        movHeight = new double[n];
        for (int i = 0; i < n; i++) {
            WorldObject o = movables.get(i);
            movKind[i] = kind(o);
            movSlot[i] = count[movKind[i]]++;
            movSizeX[i] = o.sizeX();
            movSizeY[i] = o.sizeY();
            movHeight[i] = o.height();
        }
        for (int k = 0; k < Meshes.KINDS; k++) instances[k] = new float[count[k] * Mat4.INSTANCE_FLOATS];

        int[] fill = new int[Meshes.KINDS];
        Vec2[] b = world.bounds();
        double cx = (b[0].x() + b[1].x()) / 2, cy = (b[0].y() + b[1].y()) / 2;
        put(Meshes.CUBE, fill[Meshes.CUBE]++, cx, cy, -FLOOR_THICKNESS / 2, 0,
                b[1].x() - b[0].x() + 2 * FLOOR_MARGIN, b[1].y() - b[0].y() + 2 * FLOOR_MARGIN, FLOOR_THICKNESS,
                style.floorRgb(), SURFACE_NOISE);
        for (Wall w : world.walls()) {
            double dx = w.to().x() - w.from().x(), dy = w.to().y() - w.from().y();
            put(Meshes.CUBE, fill[Meshes.CUBE]++, (w.from().x() + w.to().x()) / 2, (w.from().y() + w.to().y()) / 2,
                    w.height() / 2, Math.atan2(dy, dx), Math.max(Math.hypot(dx, dy), 1e-4), w.thickness(), w.height(),
                    style.wallRgb(), SURFACE_NOISE);
        }
        for (WorldObject o : statics) {
            int k = kind(o);
            placeObject(k, fill[k]++, o.pose(), o.sizeX(), o.sizeY(), o.height(), o.colour().rgb());
        }
        for (int i = 0; i < n; i++) {
            WorldObject o = movables.get(i);
            placeObject(movKind[i], movSlot[i], o.pose(), o.sizeX(), o.sizeY(), o.height(), o.colour().rgb());
        }

        for (int k = 0; k < Meshes.KINDS; k++) {
            if (count[k] == 0) continue;
            staging[k] = MemoryUtil.memAllocFloat(instances[k].length);
            staging[k].put(instances[k]).flip();
            vao[k] = glGenVertexArrays();
            glBindVertexArray(vao[k]);
            glBindBuffer(GL_ARRAY_BUFFER, meshVbo[k]);
            glVertexAttribPointer(0, 3, GL_FLOAT, false, Meshes.FLOATS_PER_VERTEX * 4, 0);
            glVertexAttribPointer(1, 3, GL_FLOAT, false, Meshes.FLOATS_PER_VERTEX * 4, 12);
            glEnableVertexAttribArray(0);
            glEnableVertexAttribArray(1);
            vbo[k] = glGenBuffers();
            glBindBuffer(GL_ARRAY_BUFFER, vbo[k]);
            glBufferData(GL_ARRAY_BUFFER, staging[k], count[k] > staticCount[k] ? GL_DYNAMIC_DRAW : GL_STATIC_DRAW);
            int stride = Mat4.INSTANCE_FLOATS * 4;
            for (int a = 0; a < 5; a++) {                 // mat4 = 4 vec4 columns, then colour
                glVertexAttribPointer(2 + a, 4, GL_FLOAT, false, stride, 16L * a);
                glVertexAttribDivisor(2 + a, 1);
                glEnableVertexAttribArray(2 + a);
            }
        }
        glBindVertexArray(0);
    }

    static int kind(WorldObject o) {
        return switch (o.shape()) {
            case BOX -> Meshes.CUBE;
            case CYLINDER -> Meshes.CYLINDER;
            case SPHERE -> Meshes.SPHERE;
            case CONE -> Meshes.CONE;
        };
    }

    int movableCount() {
        return movKind.length;
    }

    private void placeObject(int k, int slot, Pose2D p, double sx, double sy, double h, int rgb) {
        switch (k) {
            case Meshes.CUBE -> put(k, slot, p.x(), p.y(), h / 2, p.yaw(), sx, sy, h, rgb, OBJECT_NOISE);
            case Meshes.SPHERE -> put(k, slot, p.x(), p.y(), sx / 2, p.yaw(), sx, sx, sx, rgb, OBJECT_NOISE);
            default -> put(k, slot, p.x(), p.y(), h / 2, p.yaw(), sx, sx, h, rgb, OBJECT_NOISE);
        }
    }

    private void put(int k, int slot, double x, double y, double z, double yaw, double sx, double sy, double sz,
                     int rgb, float noiseWeight) {
        float[] a = instances[k];
        int off = slot * Mat4.INSTANCE_FLOATS;
        Mat4.model(a, off, x, y, z, yaw, sx, sy, sz);
        a[off + 16] = ((rgb >> 16) & 255) / 255f;
        a[off + 17] = ((rgb >> 8) & 255) / 255f;
        a[off + 18] = (rgb & 255) / 255f;
        a[off + 19] = noiseWeight;
    }

    /**
     * Moves the movable objects to {@code poses} (world.movableObjects() order) and uploads
     * the movable tail of each kind that has one: at most one glBufferSubData per kind.
     */
    void updateMovables(List<Pose2D> poses) {
        int n = movKind.length;
        if (n == 0) return;
        if (poses.size() != n) throw new IllegalArgumentException("expected " + n + " movable poses, got " + poses.size());
        for (int i = 0; i < n; i++) {
            Pose2D p = poses.get(i);
            int k = movKind[i];
            // Colour and noise weight (floats 16..19) stay; only the matrix changes.
            float[] a = instances[k];
            int off = movSlot[i] * Mat4.INSTANCE_FLOATS;
            double z = k == Meshes.SPHERE ? movSizeX[i] / 2 : movHeight[i] / 2;
            double sy = k == Meshes.CUBE ? movSizeY[i] : movSizeX[i];
            double sz = k == Meshes.SPHERE ? movSizeX[i] : movHeight[i];
            Mat4.model(a, off, p.x(), p.y(), z, p.yaw(), movSizeX[i], sy, sz);
            movDirty[k] = true;
        }
        for (int k = 0; k < Meshes.KINDS; k++) {
            if (!movDirty[k]) continue;
            movDirty[k] = false;
            int from = staticCount[k] * Mat4.INSTANCE_FLOATS, to = count[k] * Mat4.INSTANCE_FLOATS;
            FloatBuffer s = staging[k];
            s.limit(to).position(from);
            s.put(instances[k], from, to - from);
            s.position(from).limit(to);
            glBindBuffer(GL_ARRAY_BUFFER, vbo[k]);
            glBufferSubData(GL_ARRAY_BUFFER, 4L * from, s);
            s.clear();
        }
    }

    @Override
    public void close() {
        for (int k = 0; k < Meshes.KINDS; k++) {
            if (vao[k] != 0) glDeleteVertexArrays(vao[k]);
            if (vbo[k] != 0) glDeleteBuffers(vbo[k]);
            if (staging[k] != null) MemoryUtil.memFree(staging[k]);
            vao[k] = vbo[k] = 0;
            staging[k] = null;
        }
    }
}

package dev.umwelt.sim.render;

import dev.umwelt.bus.Pose2D;
import dev.umwelt.bus.robot.CameraSpec;
import dev.umwelt.bus.appearance.Colour;
import dev.umwelt.bus.appearance.Shape;
import dev.umwelt.scenarios.world.WorldMap;
import dev.umwelt.scenarios.world.WorldObject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.lwjgl.opengl.GL33C.*;

/**
 * Everything GL on the render thread except the context: unit meshes, the draw path, one
 * {@link RenderTarget} per image size, the CPU camera effects. The frame pipeline, in order:
 * move movables (instance tail upload) -> camera matrix -> clear to sky -> draw -> read back
 * and flip -> blur/noise. Not thread-safe by design: only the render thread calls it.
 */
final class FrameRenderer implements AutoCloseable {
    static final double NEAR = 0.05, FAR = 30;

    private final int[] meshVbo = new int[Meshes.KINDS], meshVao = new int[Meshes.KINDS];
    private final int[] meshVertices = new int[Meshes.KINDS];
    private final DrawPath path;
    private final Map<Long, RenderTarget> targets = new HashMap<>();
    private final CameraEffects effects = new CameraEffects();
    private final float[] viewProj = new float[16];

    FrameRenderer(RenderPath which) {
        for (int k = 0; k < Meshes.KINDS; k++) {
            float[] mesh = Meshes.build(k);
            meshVertices[k] = mesh.length / Meshes.FLOATS_PER_VERTEX;
            meshVbo[k] = glGenBuffers();
            glBindBuffer(GL_ARRAY_BUFFER, meshVbo[k]);
            glBufferData(GL_ARRAY_BUFFER, mesh, GL_STATIC_DRAW);
            // A mesh-only VAO for the reference path (instanced VAOs live in each GpuScene).
            meshVao[k] = glGenVertexArrays();
            glBindVertexArray(meshVao[k]);
            glVertexAttribPointer(0, 3, GL_FLOAT, false, Meshes.FLOATS_PER_VERTEX * 4, 0);
            glVertexAttribPointer(1, 3, GL_FLOAT, false, Meshes.FLOATS_PER_VERTEX * 4, 12);
            glEnableVertexAttribArray(0);
            glEnableVertexAttribArray(1);
        }
        glBindVertexArray(0);
        path = which == RenderPath.INSTANCED ? new InstancedRenderer(meshVertices) : new ReferenceRenderer(meshVao, meshVertices);
        glEnable(GL_DEPTH_TEST);
        glEnable(GL_CULL_FACE);
        glCullFace(GL_BACK);
        glFrontFace(GL_CCW);
        warmUp();
    }

    /**
     * Llvmpipe quirk (PITFALLS.md): the first FBO of a context can render ~6x slower for its
     * whole life. Draw a few real frames into a throwaway FBO and delete it before any target
     * that serves requests exists.
     */
    private void warmUp() {
        WorldMap tiny = new WorldMap(List.of(), List.of(), List.of(), List.of(
                new WorldObject("warm-box", "box", Shape.BOX, new Colour("red", 0xD62828), new Pose2D(2, 0, 0),
                        0.5, 0.5, 0.5, false, 0),
                new WorldObject("warm-ball", "ball", Shape.SPHERE, new Colour("blue", 0x1D4ED8), new Pose2D(2, 1, 0),
                        0.5, 0.5, 0.5, true, 1)));
        CameraSpec cam = new CameraSpec(0, 0, 0.3, 0, 10, 64, 48, Math.PI / 2);
        try (GpuScene scene = new GpuScene(tiny, RenderStyle.plain(), meshVbo);
             RenderTarget throwaway = new RenderTarget(64, 48)) {
            for (int i = 0; i < 5; i++) {
                draw(scene, throwaway, cam, Pose2D.ORIGIN, List.of(new Pose2D(2, 1 - 0.1 * i, 0)));
                throwaway.readTopRowFirst();
            }
            glFinish();
        }
    }

    GpuScene upload(WorldMap world, RenderStyle style) {
        return new GpuScene(world, style, meshVbo);
    }

    /** Renders one frame; returns RGB8, top row first, {@code 3 * width * height} bytes. */
    byte[] render(GpuScene scene, CameraSpec cam, int width, int height, Pose2D robot, List<Pose2D> movables,
                  long frameSeed) {
        RenderTarget target = targets.computeIfAbsent(((long) width << 32) | height, k -> new RenderTarget(width, height));
        draw(scene, target, cam, robot, movables);
        byte[] rgb = target.readTopRowFirst();
        if (scene.style.hasCameraEffects()) effects.apply(rgb, width, height, scene.style, frameSeed);
        return rgb;
    }

    private void draw(GpuScene scene, RenderTarget target, CameraSpec cam, Pose2D robot, List<Pose2D> movables) {
        scene.updateMovables(movables);
        // Camera: base_link pose composed with the camera's mounting (x, y) and height z,
        // looking along the robot's yaw, pitched down by cam.pitch().
        double c = Math.cos(robot.yaw()), s = Math.sin(robot.yaw());
        Mat4.viewProjection(viewProj, robot.x() + c * cam.x() - s * cam.y(), robot.y() + s * cam.x() + c * cam.y(),
                cam.z(), robot.yaw(), cam.pitch(), cam.horizontalFov(), (double) target.width / target.height, NEAR, FAR);
        target.begin(scene.style.skyRgb());
        path.draw(scene, viewProj);
    }

    @Override
    public void close() {
        targets.values().forEach(RenderTarget::close);
        targets.clear();
        path.close();
        for (int k = 0; k < Meshes.KINDS; k++) {
            glDeleteVertexArrays(meshVao[k]);
            glDeleteBuffers(meshVbo[k]);
        }
    }
}

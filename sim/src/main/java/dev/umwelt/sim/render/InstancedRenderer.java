package dev.umwelt.sim.render;

import static org.lwjgl.opengl.GL33C.*;

/**
 * The fast path: per shape kind, one glDrawArraysInstanced over the scene's instance buffer
 * (model matrix + colour per instance). Floor, walls and boxes share the cube draw, so a frame
 * is at most four draw calls however many objects the world has.
 */
final class InstancedRenderer implements DrawPath {
    private final int program;
    private final Shaders.Common common;
    private final int[] meshVertices;

    InstancedRenderer(int[] meshVertices) {
        this.meshVertices = meshVertices;
        program = Shaders.program(true);
        common = Shaders.Common.of(program);
    }

    @Override
    public void draw(GpuScene scene, float[] viewProj) {
        glUseProgram(program);
        common.set(viewProj, scene.style);
        for (int k = 0; k < Meshes.KINDS; k++) {
            if (scene.count[k] == 0) continue;
            glBindVertexArray(scene.vao[k]);
            glDrawArraysInstanced(GL_TRIANGLES, 0, meshVertices[k], scene.count[k]);
        }
        glBindVertexArray(0);
    }

    @Override
    public void close() {
        glDeleteProgram(program);
    }
}

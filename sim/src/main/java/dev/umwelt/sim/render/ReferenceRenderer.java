package dev.umwelt.sim.render;

import static org.lwjgl.opengl.GL33C.*;

/**
 * The plain renderer, kept as the benchmark's baseline and as a cross-check of the instanced
 * path: one glDrawArrays per object, model matrix and colour as uniforms. It reads the same
 * instance arrays as {@link InstancedRenderer}, so any difference in cost is submission only.
 */
final class ReferenceRenderer implements DrawPath {
    private final int program, uModel, uColour;
    private final Shaders.Common common;
    private final int[] meshVao, meshVertices;
    private final float[] model = new float[16];

    ReferenceRenderer(int[] meshVao, int[] meshVertices) {
        this.meshVao = meshVao;
        this.meshVertices = meshVertices;
        program = Shaders.program(false);
        common = Shaders.Common.of(program);
        uModel = glGetUniformLocation(program, "uModel");
        uColour = glGetUniformLocation(program, "uColour");
    }

    @Override
    public void draw(GpuScene scene, float[] viewProj) {
        glUseProgram(program);
        common.set(viewProj, scene.style);
        for (int k = 0; k < Meshes.KINDS; k++) {
            int n = scene.count[k];
            if (n == 0) continue;
            glBindVertexArray(meshVao[k]);
            float[] a = scene.instances[k];
            for (int i = 0; i < n; i++) {
                int off = i * Mat4.INSTANCE_FLOATS;
                System.arraycopy(a, off, model, 0, 16);
                glUniformMatrix4fv(uModel, false, model);
                glUniform4f(uColour, a[off + 16], a[off + 17], a[off + 18], a[off + 19]);
                glDrawArrays(GL_TRIANGLES, 0, meshVertices[k]);
            }
        }
        glBindVertexArray(0);
    }

    @Override
    public void close() {
        glDeleteProgram(program);
    }
}

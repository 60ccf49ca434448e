package dev.umwelt.sim.render;

import static org.lwjgl.opengl.GL33C.*;

/**
 * The one lighting model of the renderer, compiled twice: per-instance attributes (the
 * instanced fast path) or per-draw uniforms (the reference path). Same arithmetic in both,
 * so both paths give the same pixels.
 */
final class Shaders {
    private Shaders() {}

    private static final String VS_BODY = """
            layout(location = 0) in vec3 aPos;
            layout(location = 1) in vec3 aNrm;
            #ifdef INSTANCED
            layout(location = 2) in mat4 iModel;   // locations 2..5, divisor 1
            layout(location = 6) in vec4 iColour;  // rgb + texture-noise weight
            #define MODEL iModel
            #define COLOUR iColour
            #else
            uniform mat4 uModel;
            uniform vec4 uColour;
            #define MODEL uModel
            #define COLOUR uColour
            #endif
            uniform mat4 uViewProj;
            out vec3 vNrm;
            out vec3 vWorld;
            out vec4 vColour;
            void main() {
                // Models are Rz(yaw) * S, so inverse-transpose(M) * n == M * (n / s^2): the
                // squared column lengths are s^2. No inverse() per vertex.
                mat3 m = mat3(MODEL);
                vec3 s2 = vec3(dot(m[0], m[0]), dot(m[1], m[1]), dot(m[2], m[2]));
                vNrm = m * (aNrm / s2);
                vec4 w = MODEL * vec4(aPos, 1.0);
                vWorld = w.xyz;
                vColour = COLOUR;
                gl_Position = uViewProj * w;
            }
            """;

    static final String FS = """
            #version 330 core
            in vec3 vNrm;
            in vec3 vWorld;
            in vec4 vColour;
            uniform vec3 uLightDir;     // unit, towards the light
            uniform float uAmbient;
            uniform float uDiffuse;
            uniform float uTexNoise;    // 0 = flat colours
            uniform uint uSeed;
            out vec4 frag;
            float hash(uvec3 c) {
                uint h = (c.x * 0x8da6b343u) ^ (c.y * 0xd8163841u) ^ (c.z * 0xcb1ab31fu) ^ uSeed;
                h ^= h >> 16; h *= 0x7feb352du; h ^= h >> 15; h *= 0x846ca68bu; h ^= h >> 16;
                return float(h) * (1.0 / 4294967295.0);
            }
            void main() {
                vec3 n = normalize(vNrm);
                vec3 c = vColour.rgb;
                if (uTexNoise > 0.0) {
                    // 10 cm world-space cells, so the texture sticks to surfaces as the camera
                    // moves; sampled just inside the surface so faces on cell borders don't flicker.
                    ivec3 cell = ivec3(floor((vWorld - 0.005 * n) * 10.0)) + ivec3(1 << 20);
                    c *= 1.0 + uTexNoise * vColour.a * (2.0 * hash(uvec3(cell)) - 1.0);
                }
                float light = uAmbient + uDiffuse * max(dot(n, uLightDir), 0.0);
                frag = vec4(clamp(c * light, 0.0, 1.0), 1.0);
            }
            """;

    /** Links the program; {@code instanced} selects attribute or uniform model/colour. */
    static int program(boolean instanced) {
        String vs = "#version 330 core\n" + (instanced ? "#define INSTANCED\n" : "") + VS_BODY;
        int p = glCreateProgram();
        int v = compile(GL_VERTEX_SHADER, vs), f = compile(GL_FRAGMENT_SHADER, FS);
        glAttachShader(p, v);
        glAttachShader(p, f);
        glLinkProgram(p);
        glDeleteShader(v);
        glDeleteShader(f);
        if (glGetProgrami(p, GL_LINK_STATUS) == 0) throw new IllegalStateException("link: " + glGetProgramInfoLog(p));
        return p;
    }

    private static int compile(int type, String src) {
        int s = glCreateShader(type);
        glShaderSource(s, src);
        glCompileShader(s);
        if (glGetShaderi(s, GL_COMPILE_STATUS) == 0) throw new IllegalStateException("compile: " + glGetShaderInfoLog(s));
        return s;
    }

    /** Uniform locations shared by both programs (lighting, camera, seed). */
    record Common(int viewProj, int lightDir, int ambient, int diffuse, int texNoise, int seed) {
        static Common of(int program) {
            return new Common(glGetUniformLocation(program, "uViewProj"), glGetUniformLocation(program, "uLightDir"),
                    glGetUniformLocation(program, "uAmbient"), glGetUniformLocation(program, "uDiffuse"),
                    glGetUniformLocation(program, "uTexNoise"), glGetUniformLocation(program, "uSeed"));
        }

        /** Sets the per-frame uniforms; the program must be in use. */
        void set(float[] viewProj, RenderStyle s) {
            glUniformMatrix4fv(viewProj(), false, viewProj);
            glUniform3f(lightDir(), (float) s.lightX(), (float) s.lightY(), (float) s.lightZ());
            glUniform1f(ambient(), (float) s.ambient());
            glUniform1f(diffuse(), (float) s.diffuse());
            glUniform1f(texNoise(), (float) s.textureNoise());
            glUniform1ui(seed(), (int) (s.seed() ^ (s.seed() >>> 32)));
        }
    }
}

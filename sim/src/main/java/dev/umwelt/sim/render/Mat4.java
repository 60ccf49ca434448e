package dev.umwelt.sim.render;

/**
 * Column-major 4x4 float matrices as GL wants them, written into caller-owned arrays so the
 * per-frame path allocates nothing. World frame is REP-103: x forward, y left, z up.
 */
final class Mat4 {
    /** Floats per instance in the instance buffers: model matrix (16) + colour rgba (4). */
    static final int INSTANCE_FLOATS = 20;

    private Mat4() {}

    /**
     * Model matrix T(x, y, z) * Rz(yaw) * S(sx, sy, sz) into {@code out[off..off+16)}. Every
     * model in the scene has this form (rotation about z times an axis scale), which is what
     * lets the vertex shader fix normals with a divide instead of an inverse-transpose.
     */
    static void model(float[] out, int off, double x, double y, double z, double yaw,
                      double sx, double sy, double sz) {
        float c = (float) Math.cos(yaw), s = (float) Math.sin(yaw);
        out[off] = (float) (c * sx);  out[off + 1] = (float) (s * sx);  out[off + 2] = 0;  out[off + 3] = 0;
        out[off + 4] = (float) (-s * sy); out[off + 5] = (float) (c * sy); out[off + 6] = 0; out[off + 7] = 0;
        out[off + 8] = 0;  out[off + 9] = 0;  out[off + 10] = (float) sz;  out[off + 11] = 0;
        out[off + 12] = (float) x; out[off + 13] = (float) y; out[off + 14] = (float) z; out[off + 15] = 1;
    }

    /**
     * Projection * view of a camera at (x, y, z) in the world looking along {@code yaw}, tilted
     * down by {@code pitch}, world z up. {@code hfov} is horizontal; the vertical fov follows
     * from the aspect, so a wider image sees more, not a stretched view.
     */
    static void viewProjection(float[] out, double x, double y, double z, double yaw, double pitch,
                               double hfov, double aspect, double near, double far) {
        // Forward f, right r = f x up (world z), camera up u = r x f. Pitch within +-90 deg
        // keeps r well defined; CameraSpec pitches are small.
        double cp = Math.cos(pitch), sp = Math.sin(pitch), cy = Math.cos(yaw), sy = Math.sin(yaw);
        double fx = cy * cp, fy = sy * cp, fz = -sp;
        double rx = sy, ry = -cy;                                  // rz = 0
        double ux = ry * fz, uy = -rx * fz, uz = rx * fy - ry * fx;
        // View rows: r, u, -f; translation -R * eye.
        double tx = -(rx * x + ry * y), ty = -(ux * x + uy * y + uz * z), tz = fx * x + fy * y + fz * z;
        double px = 1 / Math.tan(hfov / 2), py = px * aspect;
        double a = (far + near) / (near - far), b = 2 * far * near / (near - far);
        // P * V with P = [px 0 0 0; 0 py 0 0; 0 0 a b; 0 0 -1 0], written out per column.
        out[0] = (float) (px * rx); out[1] = (float) (py * ux); out[2] = (float) (a * -fx); out[3] = (float) fx;
        out[4] = (float) (px * ry); out[5] = (float) (py * uy); out[6] = (float) (a * -fy); out[7] = (float) fy;
        out[8] = 0;                 out[9] = (float) (py * uz); out[10] = (float) (a * -fz); out[11] = (float) fz;
        out[12] = (float) (px * tx); out[13] = (float) (py * ty); out[14] = (float) (a * tz + b); out[15] = (float) -tz;
    }
}

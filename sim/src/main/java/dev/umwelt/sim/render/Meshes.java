package dev.umwelt.sim.render;

/**
 * Unit meshes, one per shape kind, as non-indexed triangle lists of interleaved
 * position (3) + normal (3) floats, counter-clockwise seen from outside (back faces culled).
 * All are centred on the origin and fill [-0.5, 0.5]^3, so a model matrix
 * T(centre) * Rz(yaw) * S(size) places any of them; round shapes have radius 0.5.
 */
final class Meshes {
    /** Shape kinds, also the order of the per-kind instanced draws. */
    static final int CUBE = 0, CYLINDER = 1, SPHERE = 2, CONE = 3, KINDS = 4;
    /** Segments around round shapes: 24 keeps a 0.5 m sphere round at 128 px. */
    static final int SEGMENTS = 24, RINGS = 12;
    static final int FLOATS_PER_VERTEX = 6;

    private Meshes() {}

    static float[] build(int kind) {
        return switch (kind) {
            case CUBE -> cube();
            case CYLINDER -> cylinder();
            case SPHERE -> sphere();
            case CONE -> cone();
            default -> throw new IllegalArgumentException("kind " + kind);
        };
    }

    /** Appends vertices; a tiny builder so the generators read as geometry. */
    private static final class Buf {
        final float[] a;
        int n;

        Buf(int vertices) {
            a = new float[vertices * FLOATS_PER_VERTEX];
        }

        void v(double x, double y, double z, double nx, double ny, double nz) {
            a[n++] = (float) x; a[n++] = (float) y; a[n++] = (float) z;
            a[n++] = (float) nx; a[n++] = (float) ny; a[n++] = (float) nz;
        }
    }

    static float[] cube() {
        Buf b = new Buf(36);
        int[][] normals = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
        for (int[] n : normals) {
            // Tangents t1, t2 with t1 x t2 = n make the quad counter-clockwise from outside.
            int[] t1 = n[0] != 0 ? new int[] {0, 1, 0} : n[1] != 0 ? new int[] {0, 0, 1} : new int[] {1, 0, 0};
            int[] t2 = {n[1] * t1[2] - n[2] * t1[1], n[2] * t1[0] - n[0] * t1[2], n[0] * t1[1] - n[1] * t1[0]};
            double[][] q = new double[4][3];
            int[][] sgn = {{-1, -1}, {1, -1}, {1, 1}, {-1, 1}};
            for (int c = 0; c < 4; c++) {
                for (int k = 0; k < 3; k++) q[c][k] = 0.5 * (n[k] + sgn[c][0] * t1[k] + sgn[c][1] * t2[k]);
            }
            for (int i : new int[] {0, 1, 2, 0, 2, 3}) b.v(q[i][0], q[i][1], q[i][2], n[0], n[1], n[2]);
        }
        return b.a;
    }

    static float[] cylinder() {
        Buf b = new Buf(SEGMENTS * 12);
        for (int i = 0; i < SEGMENTS; i++) {
            double a0 = 2 * Math.PI * i / SEGMENTS, a1 = 2 * Math.PI * (i + 1) / SEGMENTS;
            double c0 = Math.cos(a0), s0 = Math.sin(a0), c1 = Math.cos(a1), s1 = Math.sin(a1);
            double x0 = 0.5 * c0, y0 = 0.5 * s0, x1 = 0.5 * c1, y1 = 0.5 * s1;
            // side quad, smooth normals
            b.v(x0, y0, -0.5, c0, s0, 0); b.v(x1, y1, -0.5, c1, s1, 0); b.v(x1, y1, 0.5, c1, s1, 0);
            b.v(x0, y0, -0.5, c0, s0, 0); b.v(x1, y1, 0.5, c1, s1, 0); b.v(x0, y0, 0.5, c0, s0, 0);
            // caps
            b.v(0, 0, 0.5, 0, 0, 1); b.v(x0, y0, 0.5, 0, 0, 1); b.v(x1, y1, 0.5, 0, 0, 1);
            b.v(0, 0, -0.5, 0, 0, -1); b.v(x1, y1, -0.5, 0, 0, -1); b.v(x0, y0, -0.5, 0, 0, -1);
        }
        return b.a;
    }

    static float[] sphere() {
        Buf b = new Buf(SEGMENTS * RINGS * 6);
        for (int r = 0; r < RINGS; r++) {
            double p0 = Math.PI * r / RINGS - Math.PI / 2, p1 = Math.PI * (r + 1) / RINGS - Math.PI / 2;
            for (int i = 0; i < SEGMENTS; i++) {
                double a0 = 2 * Math.PI * i / SEGMENTS, a1 = 2 * Math.PI * (i + 1) / SEGMENTS;
                double[] v00 = unit(p0, a0), v01 = unit(p0, a1), v10 = unit(p1, a0), v11 = unit(p1, a1);
                sv(b, v00); sv(b, v01); sv(b, v11);
                sv(b, v00); sv(b, v11); sv(b, v10);
            }
        }
        return b.a;
    }

    private static double[] unit(double lat, double lon) {
        return new double[] {Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)};
    }

    private static void sv(Buf b, double[] n) {
        b.v(0.5 * n[0], 0.5 * n[1], 0.5 * n[2], n[0], n[1], n[2]);
    }

    static float[] cone() {
        Buf b = new Buf(SEGMENTS * 6);
        // Side normal of a cone of radius 0.5 and height 1: (cos a, sin a, 0.5) normalised.
        double k = 1 / Math.sqrt(1.25);
        for (int i = 0; i < SEGMENTS; i++) {
            double a0 = 2 * Math.PI * i / SEGMENTS, a1 = 2 * Math.PI * (i + 1) / SEGMENTS, am = (a0 + a1) / 2;
            double c0 = Math.cos(a0), s0 = Math.sin(a0), c1 = Math.cos(a1), s1 = Math.sin(a1);
            b.v(0.5 * c0, 0.5 * s0, -0.5, c0 * k, s0 * k, 0.5 * k);
            b.v(0.5 * c1, 0.5 * s1, -0.5, c1 * k, s1 * k, 0.5 * k);
            b.v(0, 0, 0.5, Math.cos(am) * k, Math.sin(am) * k, 0.5 * k);
            b.v(0, 0, -0.5, 0, 0, -1); b.v(0.5 * c1, 0.5 * s1, -0.5, 0, 0, -1); b.v(0.5 * c0, 0.5 * s0, -0.5, 0, 0, -1);
        }
        return b.a;
    }
}

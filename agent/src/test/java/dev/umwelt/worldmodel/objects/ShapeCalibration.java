package dev.umwelt.worldmodel.objects;

import dev.umwelt.scenarios.generate.Split;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Calibration harness, off unless {@code -Dumwelt.shapes.csv=FILE}: one row per view of a
 * primitive (split {@code umwelt.shapes.split}, scenarios {@code umwelt.shapes.from..to}) with the
 * truth, range, footprint, voted shape and the silhouette's features and raw outline.
 */
class ShapeCalibration {
    @Test
    void writeCsv() throws IOException {
        String file = System.getProperty("umwelt.shapes.csv");
        Assumptions.assumeTrue(file != null, "calibration off");
        Split split = Split.valueOf(System.getProperty("umwelt.shapes.split", "TRAIN"));
        int from = Integer.getInteger("umwelt.shapes.from", 0), to = Integer.getInteger("umwelt.shapes.to", 20);
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(file)))) {
            out.println("scen,id,label,truth,colour,diam,height,surf,range,radius,outline,voted,cols,ratio,td5,td8,br5,br8,tops,bottoms");
            ShapeViews.collect(split, from, to, 4, Double.parseDouble(System.getProperty("umwelt.shapes.min", "0.8")), 5.5,
                    Stream.concat(ShapeViews.PRIMITIVES.stream(), ShapeViews.ROUND_FURNITURE.stream()).toList(), v -> {
                var o = v.object();
                var s = v.sighting();
                var p = s == null ? null : s.profile();
                out.printf(Locale.ROOT, "%d,%s,%s,%s,%s,%.2f,%.2f,%.2f,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s%n", v.scenario(), o.id(), o.label(), o.shape(),
                        o.colour().name(), o.sizeX(), o.height(), v.surfaceRange(),
                        s == null ? "" : String.format(Locale.ROOT, "%.2f", s.range()), s == null ? "" : String.format(Locale.ROOT, "%.2f", s.radius()), s == null ? "" : s.outline(),
                        s == null ? "" : s.shape(), p == null ? "" : p.cols(),
                        p == null ? "" : f(p.ratio()), p == null ? "" : f(p.topDrop(0.4, 0.6)), p == null ? "" : f(p.topDrop(0.7, 0.9)),
                        p == null ? "" : f(p.bottomRise(0.4, 0.6)), p == null ? "" : f(p.bottomRise(0.7, 0.9)),
                        p == null ? "" : join(p.top()), p == null ? "" : join(p.bottom()));
                out.flush();
            });
        }
    }

    private static String f(double v) { return String.format(Locale.ROOT, "%.3f", v); }

    private static String join(int[] a) {
        StringBuilder b = new StringBuilder();
        for (int x : a) b.append(b.length() == 0 ? "" : " ").append(x);
        return b.toString();
    }
}

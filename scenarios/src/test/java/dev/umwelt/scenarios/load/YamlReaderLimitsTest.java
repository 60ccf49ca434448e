package dev.umwelt.scenarios.load;

import dev.umwelt.bus.yaml.YamlReader;

import dev.umwelt.bus.yaml.ScenarioException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One document, bounded size and line length, and a parse whose work grows linearly with the text. */
class YamlReaderLimitsTest {
    static final Path FILE = Path.of("tests/big.yaml");

    @Test
    void aSecondDocumentIsRefusedAtItsSeparator(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("two.yaml");
        Files.writeString(file, MalformedInputTest.VALID + "\n---\nname: second\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertEquals(file + ":16: a second YAML document starts here; a file holds exactly one", e.getMessage());
        // A leading separator and an end marker are one document.
        assertEquals("t", ScenarioLoader.parse("---\n" + MalformedInputTest.VALID + "\n...\n", FILE).name());
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.yaml");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(YamlReader.MAX_BYTES + 1L); // sparse: costs no disk
        }
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertEquals(file + ":1: file is 16777217 bytes; at most 16777216 (16 MiB) are read", e.getMessage());
        // A device has no size to check: it is refused as such.
        Path zero = Path.of("/dev/zero");
        if (Files.exists(zero)) {
            assertEquals("/dev/zero:1: cannot read file: not a regular file",
                    assertThrows(ScenarioException.class, () -> ScenarioLoader.load(zero)).getMessage());
        }
    }

    @Test
    void aLineOverTheLimitIsRefusedWithItsNumber() {
        String yaml = MalformedInputTest.VALID.replace("name: t", "name: t\ndescription: " + "x".repeat(YamlReader.MAX_LINE));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, FILE));
        assertEquals("tests/big.yaml:2: line is 16397 characters long; at most 16384 are allowed", e.getMessage());
    }

    /**
     * Counted, not timed: the bytes the parsing thread allocates. SnakeYAML's window copies were
     * what made long lines quadratic (a 1 MB word allocated 2.2 GB, 4 MB 34 GB); with lines at the
     * limit, 4x the text must cost about 4x, never 16x.
     */
    @Test
    void parseWorkGrowsLinearlyEvenWithEveryLineAtTheLimit() {
        for (String shape : new String[] {"long words", "objects"}) {
            long one = allocatedParsing(text(shape, 128 << 10)), four = allocatedParsing(text(shape, 512 << 10));
            double ratio = (double) four / one;
            System.out.printf("%s: %,d B for 128 KiB, %,d B for 512 KiB, ratio %.2f%n", shape, one, four, ratio);
            assertTrue(ratio > 1.5 && ratio < 6, shape + ": 128 KiB allocated " + one + " B, 512 KiB " + four + " B, ratio " + ratio);
        }
    }

    private static String text(String shape, int size) {
        StringBuilder b = new StringBuilder("name: big\n");
        if (shape.equals("long words")) {
            b.append("notes: |\n");
            String line = "  " + "w".repeat(YamlReader.MAX_LINE - 2) + "\n";
            while (b.length() < size) b.append(line);
        } else {
            b.append("objects:\n");
            for (int i = 0; b.length() < size; i++) {
                b.append("  - {id: o").append(i).append(", shape: box, at: [").append(i % 97).append(".5, 2.25], size: [0.5, 0.5, 0.5]}\n");
            }
        }
        return b.toString();
    }

    private static long allocatedParsing(String text) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        YamlReader.read(text, FILE); // warm
        long before = threads.getCurrentThreadAllocatedBytes();
        YamlReader.read(text, FILE);
        return threads.getCurrentThreadAllocatedBytes() - before;
    }
}

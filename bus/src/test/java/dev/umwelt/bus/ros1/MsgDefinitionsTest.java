package dev.umwelt.bus.ros1;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class MsgDefinitionsTest {
    private final MsgDefinitions defs = MsgDefinitions.embedded();

    @Test
    void wellKnownMd5sums() {
        assertEquals("992ce8a1687cec8c8bd883ec73ca41d1", defs.md5("std_msgs/String"));
        assertEquals("9f195f881246fdfa2798d1d3eebca84a", defs.md5("geometry_msgs/Twist"));
        assertEquals("90c7ef2dc6895d81024acba2ac42f369", defs.md5("sensor_msgs/LaserScan"));
        assertEquals("060021388200f6f0f447d0fcd9c64743", defs.md5("sensor_msgs/Image"));
        assertEquals("cd5e73d190d741a2f92e81eda573aca7", defs.md5("nav_msgs/Odometry"));
        assertEquals("94810edda583a504dfda3829e70d7eec", defs.md5("tf2_msgs/TFMessage"));
        assertEquals("2176decaecbce78abc3b96ef049fabed", defs.md5("std_msgs/Header"));
        assertEquals("8f7a12909da2c9d3332d540a0977563f", defs.md5("sensor_msgs/CompressedImage"));
        assertEquals("a9c97c1d230cfc112e270351a944ee47", defs.md5("rosgraph_msgs/Clock"));
    }

    /** Every embedded type, umwelt_msgs included, against what Debian's genmsg computed from the same files. */
    @Test
    void md5sumsAndDefinitionsMatchGenmsg() throws IOException {
        Map<String, String> golden = new LinkedHashMap<>();
        for (String line : resource("ros1/genmsg-md5sums.txt").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) continue;
            String[] p = line.split(" ");
            golden.put(p[0], p[1]);
        }
        assertEquals(26, golden.size());
        golden.forEach((type, md5) -> {
            assertEquals(md5, defs.md5(type), type);
            try {
                assertEquals(resource("ros1/" + type.replace('/', '.') + ".full.txt"), defs.definition(type), type);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void definitionListsDependenciesOnceDepthFirst() {
        String def = defs.definition("nav_msgs/Odometry");
        assertTrue(def.startsWith(defs.get("nav_msgs/Odometry").text()));
        String order = def.lines().filter(l -> l.startsWith("MSG: ")).map(l -> l.substring(5)).toList().toString();
        assertEquals("[std_msgs/Header, geometry_msgs/PoseWithCovariance, geometry_msgs/Pose, geometry_msgs/Point, "
                + "geometry_msgs/Quaternion, geometry_msgs/TwistWithCovariance, geometry_msgs/Twist, geometry_msgs/Vector3]", order);
        assertTrue(def.contains("\n" + "=".repeat(80) + "\nMSG: std_msgs/Header\n"));
    }

    @Test
    void parsesConstantsArraysBuiltinsAndHeader() {
        // Expected md5 computed by Debian genmsg for the same text (md5 text shown in the assertion below).
        String text = "# comment\nint32 A = 1 # one\nstring S=a # b\n  uint8[4]   x # fixed\nHeader h\nduration[] d\n";
        MsgSpec spec = MsgDefinitions.of(Map.of("test_msgs/Mixed", text)).get("test_msgs/Mixed");
        assertEquals(2, spec.constants().size());
        assertEquals(new MsgSpec.Constant("int32", "A", "1"), spec.constants().get(0));
        assertEquals(new MsgSpec.Constant("string", "S", "a # b"), spec.constants().get(1));
        assertEquals(new MsgSpec.Field("uint8", 4, "x", "uint8[4]"), spec.fields().get(0));
        assertEquals(new MsgSpec.Field("std_msgs/Header", MsgSpec.Field.SCALAR, "h", "Header"), spec.fields().get(1));
        assertEquals(new MsgSpec.Field("duration", MsgSpec.Field.VARIABLE, "d", "duration[]"), spec.fields().get(2));
        assertEquals(MsgDefinitions.md5Hex("int32 A=1\nstring S=a # b\nuint8[4] x\n2176decaecbce78abc3b96ef049fabed h\nduration[] d"), spec.md5());
        assertEquals("7f02b38d0e3bedf031bc583ef5a851fc", spec.md5());
        assertEquals(text + "\n" + "=".repeat(80) + "\nMSG: std_msgs/Header\n" + defs.get("std_msgs/Header").text(), spec.definition());
    }

    @Test
    void bareNestedTypesResolveInTheirOwnPackage() {
        MsgSpec twist = defs.get("geometry_msgs/Twist");
        assertEquals("geometry_msgs/Vector3", twist.fields().get(0).type());
    }

    @Test
    void clearErrors() {
        var e = assertThrows(IllegalArgumentException.class, () -> defs.get("nope_msgs/Missing"));
        assertTrue(e.getMessage().contains("unknown message type nope_msgs/Missing"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> defs.get("NoPackage"));
        var bad = MsgDefinitions.of(Map.of("t/Bad", "int32\n"));
        e = assertThrows(IllegalArgumentException.class, () -> bad.get("t/Bad"));
        assertTrue(e.getMessage().contains("t/Bad.msg line 1"), e.getMessage());
        var loop = MsgDefinitions.of(Map.of("t/A", "B b\n", "t/B", "A a\n"));
        e = assertThrows(IllegalArgumentException.class, () -> loop.get("t/A"));
        assertTrue(e.getMessage().contains("recursive"), e.getMessage());
        var badConst = MsgDefinitions.of(Map.of("t/C", "time T=1\n"));
        assertThrows(IllegalArgumentException.class, () -> badConst.get("t/C"));
    }

    static String resource(String path) throws IOException {
        try (InputStream in = MsgDefinitionsTest.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package dev.umwelt.sensors.fault;

import dev.umwelt.bus.fault.FaultSpec;

import dev.umwelt.bus.fault.Fault;

import dev.umwelt.bus.observation.Modality;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultSpecTest {
    @Test
    void parsesTheCommandLineForms() {
        assertEquals(new Fault(Modality.LIDAR, Fault.Kind.DROP, 10_000_000_000L, 20_000_000_000L, 0, null),
                FaultSpec.parse("lidar:drop@10s-20s"));
        assertEquals(Fault.Corruption.BLACK, FaultSpec.parse("camera:corrupt=black@5s-8s").corruption());
        assertEquals(0.5, FaultSpec.parse("lidar:noise=0.5@2s-4s").value());
        assertEquals(300_000_000L, FaultSpec.parse("odometry:delay=0.3@1s-5s").delayNanos());
        assertEquals(Fault.Corruption.NAN, FaultSpec.parse("lidar:corrupt=nan@3-6").corruption());
        assertEquals(500_000_000L, FaultSpec.parse("lidar:freeze@500ms-1s").fromNanos());
        assertEquals(new Fault(Modality.AUDIO, Fault.Kind.NOISE, 2_000_000_000L, 3_000_000_000L, 3000, null),
                FaultSpec.parse("audio:noise=3000@2s-3s"));
        assertEquals(Fault.Corruption.CLIPPED, FaultSpec.parse("audio:corrupt=clipped@2s-3s").corruption());
        assertEquals(Fault.Corruption.WRONG_SIZE, FaultSpec.parse("audio:corrupt=wrong-size@2s-3s").corruption());
        for (String kind : new String[] {"drop", "freeze", "delay=0.3"}) {
            assertEquals(Modality.AUDIO, FaultSpec.parse("audio:" + kind + "@2s-3s").modality());
        }
        assertEquals(FaultSpec.parse("camera:corrupt=one-colour@1s-2s"), FaultSpec.parse(FaultSpec.parse("camera:corrupt=one-colour@1s-2s").toString()));
    }

    @Test
    void errorsNameTheBadPart() {
        assertMessage("lidar-drop", "SENSOR:KIND");
        assertMessage("sonar:drop@1s-2s", "'sonar'");
        assertMessage("lidar:melt@1s-2s", "'melt'");
        assertMessage("lidar:noise@1s-2s", "needs a value");
        assertMessage("lidar:noise=loud@1s-2s", "'loud'");
        assertMessage("lidar:corrupt=purple@1s-2s", "'purple'");
        assertMessage("lidar:corrupt=black@1s-2s", "black");
        assertMessage("odometry:noise=1@1s-2s", "noise applies to lidar, camera and audio");
        assertMessage("audio:corrupt=nan@1s-2s", "nan");
        assertMessage("lidar:corrupt=clipped@1s-2s", "does not apply to lidar");
        assertMessage("instruction:drop@1s-2s", "faults apply to lidar, camera, odometry and audio");
        assertMessage("lidar:drop@2s", "FROM-TO");
        assertMessage("lidar:drop@4s-2s", "after start");
        assertMessage("lidar:drop=3@1s-2s", "takes no value");
    }

    @Test
    void numbersOutsideTheirLimitsAreRefusedWithTheRange() {
        // 1e12 s once overflowed to no fault at all (the nanosecond delay wrapped).
        assertEquals("'delay=1e12': delay 1e12 outside [0.001, 10] s",
                assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse("odometry:delay=1e12@1s-5s")).getMessage());
        assertMessage("odometry:delay=0.0001@1s-5s", "delay 0.0001 outside [0.001, 10] s");
        assertMessage("lidar:noise=1e9@1s-2s", "noise 1e9 outside [0.000001, 32768]");
        assertMessage("lidar:drop@1e300s-1e301s", "'1e300s': start 1.0E300 outside [0, 86400] s");
        assertMessage("lidar:drop@1s-100000s", "'100000s': end 100000 outside [0, 86400] s");
        assertMessage("lidar:drop@1s-Infinity", "not a number");
        assertEquals(10_000_000_000L, FaultSpec.parse("camera:delay=10@0s-86400s").delayNanos(), "both ends are inside");
    }

    @Test
    void theAudioSensorIsNamedAsTheModalityIs() {
        // Whether audio faults are injectable is the Fault record's business; the parser knows the name.
        assertEquals(Modality.AUDIO, FaultSpec.modality("audio"));
        assertEquals(Modality.AUDIO, FaultSpec.modality(" Audio "));
        assertMessage("microphone:drop@1s-2s", "unknown sensor (known: lidar, camera, odometry, audio)");
    }

    private static void assertMessage(String spec, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FaultSpec.parse(spec));
        assertTrue(e.getMessage().contains(part), spec + " -> " + e.getMessage());
    }
}

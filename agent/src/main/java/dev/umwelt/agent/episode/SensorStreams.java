package dev.umwelt.agent.episode;

import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.robot.RobotDescription;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.sensors.fault.SensorExpectation;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What a robot's healthy sensor streams look like, from its description: the observation's rates and the fault detectors' expectations. */
public final class SensorStreams {
    private SensorStreams() {}

    /** The microphones' stream: chunks of {@code chunkSeconds} at {@code sampleRate} Hz (a scenario's {@code sounds:} settings). */
    public record Audio(double chunkSeconds, int sampleRate) {
        /** The simulated microphones' stream of {@code scenario}; null when it is silent (no emitters: no audio). */
        public static Audio of(Scenario scenario) {
            return scenario.soundEmitters().isEmpty() ? null
                    : new Audio(scenario.acoustics().chunkSeconds(), scenario.acoustics().sampleRate());
        }
    }

    /** Each rated sense's rate (Hz): lidar, odometry and, when mounted, the camera. */
    static Map<Modality, Double> rates(RobotDescription robot) {
        EnumMap<Modality, Double> rates = new EnumMap<>(Modality.class);
        rates.put(Modality.LIDAR, robot.lidar().rateHz());
        rates.put(Modality.ODOMETRY, robot.odometry().rateHz());
        robot.cameraSpec().ifPresent(c -> rates.put(Modality.CAMERA, c.rateHz()));
        return rates;
    }

    /** What each of the robot's healthy streams looks like, for its fault detectors ({@code audio} null: not judged). */
    public static List<SensorExpectation> expectations(RobotDescription robot, Audio audio) {
        long control = robot.controlPeriodNanos();
        List<SensorExpectation> expected = new ArrayList<>();
        expected.add(SensorExpectation.lidar(robot.lidar().rateHz(), control, robot.lidar().beams(), robot.lidar().noiseStddev()));
        expected.add(SensorExpectation.odometry(robot.odometry().rateHz(), control));
        robot.cameraSpec().ifPresent(c -> expected.add(SensorExpectation.camera(c.rateHz(), control, c.width(), c.height())));
        if (audio != null && !robot.microphones().isEmpty()) {
            expected.add(SensorExpectation.audio(audio.chunkSeconds(), audio.sampleRate(), robot.microphones().size(), control));
        }
        return expected;
    }
}

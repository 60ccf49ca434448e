package dev.umwelt.sensors.audio;

/**
 * A lateral angle from a microphone pair: {@code lateralRadians} = asin(c * tdoa / d), 0 on the
 * pair's broadside (for mic_left/mic_right: straight ahead OR straight behind), positive toward
 * the first channel's side (mic_left: the robot's left, CCW per REP-103), +-pi/2 along the pair's
 * axis. Front and back are indistinguishable: a source 30 deg left of ahead and one 30 deg left
 * of behind both give +30 deg; turning the robot resolves it. {@code tdoaSeconds}: arrival at
 * the second channel minus arrival at the first. {@code coherentBins}: how many frequency bins
 * passed the energy gate.
 */
public record Bearing(double lateralRadians, double tdoaSeconds, int coherentBins) {
    public double lateralDegrees() {
        return Math.toDegrees(lateralRadians);
    }
}

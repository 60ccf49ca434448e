package dev.umwelt.bus.robot;

/** A microphone named by its REP-105 frame ({@code mic_left}, ...) at a position in base_link. */
public record MicrophoneSpec(String frame, double x, double y, double z) {}

package dev.umwelt.sensors.audio;

/** No audio capture device can record the wanted format (message: "no audio capture device: ..."). */
public final class NoCaptureDeviceException extends RuntimeException {
    public NoCaptureDeviceException(String detail, Throwable cause) {
        super("no audio capture device: " + detail, cause);
    }
}

package dev.umwelt.rosbridge.node;

/** A ROS API call answered with a status code other than 1 (SUCCESS): -1 ERROR or 0 FAILURE. */
public final class RosApiException extends RuntimeException {
    private final int code;

    public RosApiException(String method, int code, String status) {
        super(method + " failed (code " + code + "): " + status);
        this.code = code;
    }

    public int code() {
        return code;
    }
}

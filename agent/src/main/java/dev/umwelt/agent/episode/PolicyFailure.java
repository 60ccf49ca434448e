package dev.umwelt.agent.episode;

/** Sent on the action address instead of a chunk when the policy threw: the episode ends in error. */
public record PolicyFailure(String policy, long tick, String message) {
    @Override
    public String toString() {
        return policy + " failed at tick " + tick + ": " + message;
    }
}

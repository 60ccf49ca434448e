package dev.umwelt.agent.episode;

/** What a control tick came to when the policy threw: nothing is actuated, and a simulated episode ends in error. */
public record PolicyFailure(String policy, long tick, String message) {
    @Override
    public String toString() {
        return policy + " failed at tick " + tick + ": " + message;
    }
}

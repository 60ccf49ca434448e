package dev.umwelt.agent.safety;

/**
 * A latching emergency stop: {@code true} on the e-stop address latches a stop that holds until
 * a {@code false} releases it (repeats change nothing). {@link #set} says whether the state changed.
 */
public final class EmergencyStop {
    private boolean latched;

    /** Returns true when this message changed the latch. */
    public boolean set(boolean engage) {
        if (engage == latched) return false;
        latched = engage;
        return true;
    }

    public boolean latched() {
        return latched;
    }
}

package dev.umwelt.sim.physics;

import dev.umwelt.bus.Frames;
import dev.umwelt.bus.Header;
import dev.umwelt.bus.episode.EpisodeEvent;
import org.jbox2d.callbacks.ContactImpulse;
import org.jbox2d.callbacks.ContactListener;
import org.jbox2d.collision.Manifold;
import org.jbox2d.dynamics.Fixture;
import org.jbox2d.dynamics.contacts.Contact;

import java.util.List;

/**
 * Counts contacts between the robot and anything, once each when it begins touching, and
 * reports COLLISION_BEGAN / COLLISION_ENDED naming what was hit. JBox2D calls endContact
 * only for contacts that were touching, so begin and end pair up.
 */
public final class ContactMonitor implements ContactListener {
    public static final String SOURCE = "sim";

    private final Fixture robot;
    private int collisions;
    private long stampNanos;
    private List<EpisodeEvent> sink;

    public ContactMonitor(Fixture robot) {
        this.robot = robot;
    }

    /** Where the events of the coming world.step go, stamped with the substep's end time. */
    public void target(List<EpisodeEvent> events, long stamp) {
        this.sink = events;
        this.stampNanos = stamp;
    }

    public int collisions() {
        return collisions;
    }

    @Override
    public void beginContact(Contact contact) {
        Fixture other = other(contact);
        if (other == null) return;
        collisions++;
        emit(EpisodeEvent.Kind.COLLISION_BEGAN, other);
    }

    @Override
    public void endContact(Contact contact) {
        Fixture other = other(contact);
        if (other != null) emit(EpisodeEvent.Kind.COLLISION_ENDED, other);
    }

    private Fixture other(Contact c) {
        Fixture a = c.getFixtureA(), b = c.getFixtureB();
        return a == robot ? b : b == robot ? a : null;
    }

    private void emit(EpisodeEvent.Kind kind, Fixture other) {
        if (sink != null) sink.add(new EpisodeEvent(new Header(stampNanos, Frames.MAP), kind, SOURCE, String.valueOf(other.getUserData())));
    }

    @Override
    public void preSolve(Contact contact, Manifold oldManifold) {}

    @Override
    public void postSolve(Contact contact, ContactImpulse impulse) {}
}

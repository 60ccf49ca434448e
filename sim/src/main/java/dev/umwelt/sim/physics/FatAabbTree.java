package dev.umwelt.sim.physics;

import org.jbox2d.callbacks.DebugDraw;
import org.jbox2d.callbacks.TreeCallback;
import org.jbox2d.callbacks.TreeRayCastCallback;
import org.jbox2d.collision.AABB;
import org.jbox2d.collision.RayCastInput;
import org.jbox2d.collision.broadphase.BroadPhaseStrategy;
import org.jbox2d.collision.broadphase.DynamicTree;
import org.jbox2d.common.Vec2;

/**
 * JBox2D's {@link DynamicTree} with Box2D's fat-AABB early-out restored. In 2.2.1.1
 * {@code DynamicTree.moveProxy} tests containment the wrong way round (it returns early only
 * when the NEW box strictly contains the fat one), so every moving body is removed from the
 * tree, reinserted and queried for new pairs on every step (~0.4 us of a bench substep).
 * Here a move whose box still fits inside the fat box is a no-op, as in native Box2D; the
 * rest delegates (moveProxy is final, so this wraps rather than extends).
 */
final class FatAabbTree implements BroadPhaseStrategy {
    private final DynamicTree tree = new DynamicTree();

    @Override
    public boolean moveProxy(int proxyId, AABB aabb, Vec2 displacement) {
        AABB fat = tree.getFatAABB(proxyId);
        if (fat.lowerBound.x <= aabb.lowerBound.x && fat.lowerBound.y <= aabb.lowerBound.y
                && aabb.upperBound.x <= fat.upperBound.x && aabb.upperBound.y <= fat.upperBound.y) {
            return false;
        }
        // Not contained, so the tree's inverted test cannot fire (a rigid body's new box cannot
        // strictly contain its old fat box): it reinserts with a fresh fat box.
        return tree.moveProxy(proxyId, aabb, displacement);
    }

    @Override
    public int createProxy(AABB aabb, Object userData) {
        return tree.createProxy(aabb, userData);
    }

    @Override
    public void destroyProxy(int proxyId) {
        tree.destroyProxy(proxyId);
    }

    @Override
    public Object getUserData(int proxyId) {
        return tree.getUserData(proxyId);
    }

    @Override
    public AABB getFatAABB(int proxyId) {
        return tree.getFatAABB(proxyId);
    }

    @Override
    public void query(TreeCallback callback, AABB aabb) {
        tree.query(callback, aabb);
    }

    @Override
    public void raycast(TreeRayCastCallback callback, RayCastInput input) {
        tree.raycast(callback, input);
    }

    @Override
    public int computeHeight() {
        return tree.computeHeight();
    }

    @Override
    public int getHeight() {
        return tree.getHeight();
    }

    @Override
    public int getMaxBalance() {
        return tree.getMaxBalance();
    }

    @Override
    public float getAreaRatio() {
        return tree.getAreaRatio();
    }

    @Override
    public int getInsertionCount() {
        return tree.getInsertionCount();
    }

    @Override
    public void drawTree(DebugDraw draw) {
        tree.drawTree(draw);
    }
}

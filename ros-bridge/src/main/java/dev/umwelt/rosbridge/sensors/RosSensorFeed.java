package dev.umwelt.rosbridge.sensors;

import dev.umwelt.bus.Addresses;
import dev.umwelt.bus.Stamped;
import dev.umwelt.bus.observation.Modality;
import dev.umwelt.bus.ros1.AudioChunkCodec;
import dev.umwelt.bus.ros1.ImageCodec;
import dev.umwelt.bus.ros1.LaserScanCodec;
import dev.umwelt.bus.ros1.OdometryCodec;
import dev.umwelt.bus.sensing.AudioChunk;
import dev.umwelt.bus.sensing.CameraFrame;
import dev.umwelt.bus.sensing.LidarScan;
import dev.umwelt.bus.sensing.Odometry;
import dev.umwelt.rosbridge.config.BridgeConfig;
import dev.umwelt.rosbridge.config.Role;
import dev.umwelt.rosbridge.config.TopicMapping;
import dev.umwelt.rosbridge.node.RosNode;
import dev.umwelt.rosbridge.node.RosSubscriber;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * ROS-fed sensor adapters: subscribes a robot's sensor topics (scan, odometry, camera image,
 * audio, as its mapping file names them) and turns each message into the bus reading the agent
 * already consumes ({@link LidarScan}, {@link Odometry}, {@link CameraFrame}, {@link AudioChunk}),
 * frames renamed to REP-105's. Readings go to one consumer on the node's context, in arrival
 * order per topic; {@link #toBus} republishes them at the robot's sensor addresses.
 * The camera is subscribed only when the robot has one, audio only when it has microphones.
 */
public final class RosSensorFeed {
    /** Mounts of the bus addresses, as the episode replay uses them. */
    public static final String LIDAR_MOUNT = "front", CAMERA_MOUNT = "front", ODOMETRY_MOUNT = "wheels", AUDIO_MOUNT = "head";

    private final List<RosSubscriber<?>> subscribers;

    private RosSensorFeed(List<RosSubscriber<?>> subscribers) {
        this.subscribers = List.copyOf(subscribers);
    }

    public static Future<RosSensorFeed> start(RosNode node, BridgeConfig config, Consumer<Stamped> onReading) {
        FrameRenamer frames = new FrameRenamer(config.frames());
        List<Future<? extends RosSubscriber<?>>> subs = new ArrayList<>();
        mapping(config, Role.SCAN, true).ifPresent(m -> subs.add(node.subscribe(m.topic(), new LaserScanCodec(), m.queueSize(),
                (LidarScan s) -> onReading.accept(frames.toBus(s)))));
        mapping(config, Role.ODOM, true).ifPresent(m -> subs.add(node.subscribe(m.topic(), new OdometryCodec(), m.queueSize(),
                (Odometry o) -> onReading.accept(frames.toBus(o)))));
        mapping(config, Role.IMAGE, config.robot().cameraSpec().isPresent()).ifPresent(m -> subs.add(node.subscribe(m.topic(),
                new ImageCodec(), m.queueSize(), (CameraFrame f) -> onReading.accept(frames.toBus(f)))));
        mapping(config, Role.AUDIO, !config.robot().microphones().isEmpty()).ifPresent(m -> subs.add(node.subscribe(m.topic(),
                new AudioChunkCodec(), m.queueSize(), (AudioChunk a) -> onReading.accept(a))));
        return Future.all(subs).map(all -> {
            List<RosSubscriber<?>> list = new ArrayList<>();
            for (int i = 0; i < all.size(); i++) list.add(all.resultAt(i));
            return new RosSensorFeed(list);
        });
    }

    private static Optional<TopicMapping> mapping(BridgeConfig config, Role role, boolean wanted) {
        return wanted ? config.mapping(role) : Optional.empty();
    }

    /** The topics subscribed. */
    public List<String> topics() {
        return subscribers.stream().map(RosSubscriber::topic).toList();
    }

    /** Publishers connected, summed over the topics. */
    public int publisherCount() {
        return subscribers.stream().mapToInt(RosSubscriber::publisherCount).sum();
    }

    /** Publishes each reading at the robot's sensor address ({@code robot.<id>.sensor.lidar.front}, ...). */
    public static Consumer<Stamped> toBus(EventBus bus, Addresses a) {
        String lidar = a.sensor(Modality.LIDAR, LIDAR_MOUNT), odom = a.sensor(Modality.ODOMETRY, ODOMETRY_MOUNT),
                camera = a.sensor(Modality.CAMERA, CAMERA_MOUNT), audio = a.sensor(Modality.AUDIO, AUDIO_MOUNT);
        return r -> {
            if (r instanceof LidarScan) bus.publish(lidar, r);
            else if (r instanceof Odometry) bus.publish(odom, r);
            else if (r instanceof CameraFrame) bus.publish(camera, r);
            else if (r instanceof AudioChunk) bus.publish(audio, r);
        };
    }

    public Future<Void> close() {
        return Future.all(subscribers.stream().map(RosSubscriber::close).toList()).mapEmpty();
    }
}

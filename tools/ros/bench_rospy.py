#!/usr/bin/python3
"""rospy side of `./umwelt bench ros`: the same LaserScan throughput and round-trip measurements
as the Java bridge, over TCPROS on loopback.
Usage: bench_rospy.py BURST RUNS ROUND_TRIPS (ROS_MASTER_URI set; Debian's /usr/bin/python3).
Throughput, the bridge's method: the publisher publishes BURST scans back to back (publisher
and subscriber queue_size BURST, so nothing drops), the subscriber counts; a run's figure is
BURST / (last arrival - first publish), on CLOCK_MONOTONIC, which both processes share. The
subscriber runs in a forked process with its own GIL (rospy's best case; in one process the
publisher, its writer thread and the receiver share one GIL). One warm-up run, then RUNS runs.
Prints `rospy run <msgs/s>` per run, then
`rospy throughput_msgs_per_s=<median> rtt_median_ms=<y> rtt_p99_ms=<z>`."""
import math, multiprocessing, sys, threading, time

def scan():
    from sensor_msgs.msg import LaserScan
    m = LaserScan()
    m.header.frame_id = "laser"
    m.angle_min, m.angle_max = -math.pi, math.pi
    m.angle_increment = 2 * math.pi / 360
    m.range_min, m.range_max = 0.12, 12.0
    m.ranges = [1.0 + 0.01 * i for i in range(360)]
    return m

def subscriber(conn, burst):
    """Child process: counts scans; when the count reaches the target the parent set, sends the time."""
    import rospy
    from sensor_msgs.msg import LaserScan
    rospy.init_node("umwelt_bench_rospy_sub", anonymous=True, disable_signals=True)
    got, target = [0], [None]
    def on_scan(m):
        got[0] += 1
        if got[0] == target[0]:
            conn.send(time.monotonic())
    rospy.Subscriber("/bench/rospy_scan", LaserScan, on_scan, queue_size=burst)
    conn.send("ready")
    while True:
        expect = conn.recv()
        if expect is None:
            break
        target[0] = got[0] + expect
        conn.send("armed")
    rospy.signal_shutdown("done")

def main():
    burst = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    rtts = int(sys.argv[3]) if len(sys.argv) > 3 else 500
    parent, child = multiprocessing.get_context("fork").Pipe()
    proc = multiprocessing.get_context("fork").Process(target=subscriber, args=(child, burst), daemon=True)
    proc.start()  # before this process touches rospy: a forked child must not inherit its threads
    import rospy
    from sensor_msgs.msg import LaserScan
    assert parent.recv() == "ready"
    rospy.init_node("umwelt_bench_rospy", anonymous=True, disable_signals=True)
    pub = rospy.Publisher("/bench/rospy_scan", LaserScan, queue_size=burst)
    while pub.get_num_connections() < 1:
        time.sleep(0.01)
    msg = scan()
    rates = []
    for run in range(-1, runs):
        parent.send(burst)
        assert parent.recv() == "armed"
        t0 = time.monotonic()
        for _ in range(burst):
            pub.publish(msg)
        if not parent.poll(120):
            raise SystemExit("rospy: the subscriber did not receive all %d scans within 120 s" % burst)
        last = parent.recv()
        if run >= 0:
            rates.append(burst / (last - t0))
            print("rospy run %.0f" % rates[-1])
    parent.send(None)
    proc.join(10)
    # round trip: ping -> echo (republish) -> pong, one at a time, in this process
    pong_pub = rospy.Publisher("/bench/rospy_pong", LaserScan, queue_size=10)
    echo = rospy.Subscriber("/bench/rospy_ping", LaserScan, lambda m: pong_pub.publish(m), queue_size=10)
    ev = threading.Event()
    pong = rospy.Subscriber("/bench/rospy_pong", LaserScan, lambda m: ev.set(), queue_size=10)
    ping = rospy.Publisher("/bench/rospy_ping", LaserScan, queue_size=10)
    while ping.get_num_connections() < 1 or pong_pub.get_num_connections() < 1:
        time.sleep(0.01)
    samples = []
    for i in range(rtts + 50):
        ev.clear()
        t0 = time.perf_counter()
        ping.publish(msg)
        if not ev.wait(2.0):
            continue
        if i >= 50:
            samples.append((time.perf_counter() - t0) * 1000)
    samples.sort()
    med = samples[len(samples) // 2] if samples else float("nan")
    p99 = samples[int(len(samples) * 0.99)] if samples else float("nan")
    rates.sort()
    print("rospy throughput_msgs_per_s=%.0f rtt_median_ms=%.3f rtt_p99_ms=%.3f" % (rates[len(rates) // 2], med, p99))
    sys.stdout.flush()
    rospy.signal_shutdown("done")

if __name__ == "__main__":
    main()

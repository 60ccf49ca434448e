#!/usr/bin/python3
"""rospy side of `./umwelt bench ros`: the same LaserScan throughput and round-trip measurements
as the Java bridge, in one rospy process (publisher and subscriber over TCPROS on loopback).
Prints one line: `rospy throughput_msgs_per_s=<x> rtt_median_ms=<y> rtt_p99_ms=<z>`.
Run with Debian's /usr/bin/python3 (rospy lives there), ROS_MASTER_URI set."""
import math, sys, threading, time
import rospy
from sensor_msgs.msg import LaserScan

def scan():
    m = LaserScan()
    m.header.frame_id = "laser"
    m.angle_min, m.angle_max = -math.pi, math.pi
    m.angle_increment = 2 * math.pi / 360
    m.range_min, m.range_max = 0.12, 12.0
    m.ranges = [1.0 + 0.01 * i for i in range(360)]
    return m

def main():
    seconds = float(sys.argv[1]) if len(sys.argv) > 1 else 3.0
    rtts = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    rospy.init_node("umwelt_bench_rospy", anonymous=True, disable_signals=True)
    got = [0]
    sub = rospy.Subscriber("/bench/rospy_scan", LaserScan, lambda m: got.__setitem__(0, got[0] + 1), queue_size=1000)
    pub = rospy.Publisher("/bench/rospy_scan", LaserScan, queue_size=1000)
    while pub.get_num_connections() < 1:
        time.sleep(0.01)
    msg = scan()
    end = time.time() + seconds
    start = time.time()
    while time.time() < end:
        pub.publish(msg)
    time.sleep(0.5)
    throughput = got[0] / seconds
    # round trip: ping -> echo (republish) -> pong, one at a time
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
    print("rospy throughput_msgs_per_s=%.0f rtt_median_ms=%.3f rtt_p99_ms=%.3f" % (throughput, med, p99))
    sys.stdout.flush()
    rospy.signal_shutdown("done")

if __name__ == "__main__":
    main()

package dev.umwelt.agent.bench;

import dev.umwelt.agent.episode.EpisodeObserver;
import dev.umwelt.agent.episode.EpisodeResult;
import dev.umwelt.agent.episode.EpisodeRunner;
import dev.umwelt.agent.episode.EpisodeSpec;
import dev.umwelt.agent.episode.SensorStreams;
import dev.umwelt.bus.command.VelocityCommand;
import dev.umwelt.bus.episode.EpisodeEvent;
import dev.umwelt.bus.observation.AbsenceReason;
import dev.umwelt.bus.tick.TickReadings;
import dev.umwelt.bus.time.Clock;
import dev.umwelt.scenarios.Scenario;
import dev.umwelt.bus.fault.Fault;
import dev.umwelt.sensors.fault.DetectionBounds;
import dev.umwelt.sensors.fault.FaultMonitor;
import dev.umwelt.bus.fault.FaultSpec;
import dev.umwelt.sensors.fault.SensorExpectation;
import io.vertx.core.Future;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The fault table: every fault kind that applies on every sensor of the robot (camera, lidar,
 * odometry, audio), each injected for {@link #FROM}-{@link #TO} s into its own short episode
 * of a scenario through the real simulator, observation path and policy (episodes in parallel),
 * plus one episode without faults. A cell passes when the fault was reported with the right
 * reason within the documented bound (sensors/README.md, {@link DetectionBounds}), recovered once,
 * within the documented hysteresis of the window's end, and no other sensor raised a fault.
 */
public final class FaultTable {
    /** The fault window (s since the start) and where each episode stops. */
    public static final double FROM = 2.0, TO = 4.0, END = 5.5;

    /** One cell: a fault and what its episode's events showed (times in s since the start; NaN: never). */
    public record Row(Fault fault, List<AbsenceReason> reported, double detectedAt, double detectionBound,
                      double recoveredAt, int recoveries, boolean faultedAfterRecovery, double recoveryBound,
                      List<String> elsewhere, boolean dropFirstAllowed) {
        public AbsenceReason expected() {
            return DetectionBounds.reason(fault.kind());
        }

        public double latency() {
            return detectedAt - FROM;
        }

        /** The expected reason was reported, and nothing else (but DROPPED before a delay longer than the drop rule). */
        public boolean rightReason() {
            return reported.contains(expected()) && reported.stream()
                    .allMatch(r -> r == expected() || (dropFirstAllowed && r == AbsenceReason.DROPPED));
        }

        public boolean detectedInTime() {
            return detectedAt >= FROM && detectedAt <= FROM + detectionBound;
        }

        /** Once, no fault after it (no flapping), within the hysteresis bound of the window's end. */
        public boolean recoveredInTime() {
            return recoveries == 1 && !faultedAfterRecovery && recoveredAt >= TO && recoveredAt <= TO + recoveryBound;
        }

        public boolean passes() {
            return rightReason() && detectedInTime() && recoveredInTime() && elsewhere.isEmpty();
        }
    }

    /** The cells and the fault-free episode's sensor events (none expected). */
    public record Table(Scenario scenario, String policy, List<Row> rows, List<String> faultFreeEvents, double wallSeconds) {
        public boolean passes() {
            return faultFreeEvents.isEmpty() && rows.stream().allMatch(Row::passes);
        }
    }

    private FaultTable() {}

    /** Every kind that applies to each sensor the scenario's robot has (audio only when the scenario sounds). */
    public static List<Fault> cells(Scenario scenario) {
        String w = "@" + FROM + "s-" + TO + "s";
        List<String> specs = new ArrayList<>();
        if (scenario.robot().cameraSpec().isPresent()) {
            for (String k : List.of("drop", "freeze", "delay=0.3", "noise=60", "corrupt=wrong-size", "corrupt=black", "corrupt=one-colour")) {
                specs.add("camera:" + k);
            }
        }
        for (String k : List.of("drop", "freeze", "delay=0.3", "noise=0.5", "corrupt=nan", "corrupt=negative", "corrupt=wrong-size")) {
            specs.add("lidar:" + k);
        }
        for (String k : List.of("drop", "freeze", "delay=0.3")) specs.add("odometry:" + k);
        if (SensorStreams.Audio.of(scenario) != null && !scenario.robot().microphones().isEmpty()) {
            for (String k : List.of("drop", "freeze", "delay=0.3", "noise=3000", "corrupt=wrong-size", "corrupt=clipped")) {
                specs.add("audio:" + k);
            }
        }
        return specs.stream().map(s -> FaultSpec.parse(s + w)).toList();
    }

    /** Runs the fault-free episode and one episode per cell on {@code threads} event loops. */
    public static Table run(Scenario scenario, String policy, int threads) {
        List<Fault> cells = cells(scenario);
        List<SensorExpectation> expected = SensorStreams.expectations(scenario.robot(), SensorStreams.Audio.of(scenario));
        long begin = System.nanoTime();
        List<EpisodeResult> results;
        try (EpisodeRunner runner = new EpisodeRunner(threads)) {
            List<Future<EpisodeResult>> running = new ArrayList<>();
            running.add(start(runner, scenario.withFaults(List.of()), policy));
            for (Fault f : cells) running.add(start(runner, scenario.withFaults(List.of(f)), policy));
            results = running.stream().map(r -> r.toCompletionStage().toCompletableFuture().join()).toList();
        }
        double wall = (System.nanoTime() - begin) / 1e9;
        List<String> faultFree = results.get(0).events().stream()
                .filter(e -> e.kind() == EpisodeEvent.Kind.SENSOR_FAULT || e.kind() == EpisodeEvent.Kind.SENSOR_RECOVERED)
                .map(FaultTable::describe).toList();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) rows.add(row(cells.get(i), expectation(expected, cells.get(i)), results.get(i + 1)));
        return new Table(scenario, policy, rows, faultFree, wall);
    }

    private static Future<EpisodeResult> start(EpisodeRunner runner, Scenario s, String policy) {
        long end = Math.round(END * 1e9);
        EpisodeObserver stopAtEnd = new EpisodeObserver() {
            private boolean over;

            @Override
            public void onTick(TickReadings tick, VelocityCommand command) {
                over = tick.stampNanos() - Clock.SIM_EPOCH_NANOS >= end;
            }

            @Override
            public boolean stopRequested() {
                return over;
            }
        };
        return runner.start(EpisodeSpec.of(s, policy), null, stopAtEnd);
    }

    private static SensorExpectation expectation(List<SensorExpectation> all, Fault f) {
        return all.stream().filter(e -> e.modality() == f.modality()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the robot has no " + f.modality().key()));
    }

    private static Row row(Fault f, SensorExpectation spec, EpisodeResult r) {
        String source = f.modality().key();
        List<AbsenceReason> reported = new ArrayList<>();
        double detected = Double.NaN, recovered = Double.NaN;
        int recoveries = 0;
        boolean faultedAgain = false;
        List<String> elsewhere = new ArrayList<>();
        for (EpisodeEvent e : r.events()) {
            double at = seconds(e);
            if (e.kind() == EpisodeEvent.Kind.SENSOR_FAULT && !e.source().equals(source)) elsewhere.add(describe(e));
            if (!e.source().equals(source)) continue;
            if (e.kind() == EpisodeEvent.Kind.SENSOR_FAULT) {
                AbsenceReason reason = FaultMonitor.reasonOf(e);
                reported.add(reason);
                if (reason == DetectionBounds.reason(f.kind()) && Double.isNaN(detected)) detected = at;
                faultedAgain |= recoveries > 0;
            } else if (e.kind() == EpisodeEvent.Kind.SENSOR_RECOVERED) {
                if (recoveries++ == 0) recovered = at;
            }
        }
        boolean dropFirst = f.kind() == Fault.Kind.DELAY && f.delayNanos() > DetectionBounds.dropSilenceNanos(spec);
        return new Row(f, reported, detected, DetectionBounds.detectionNanos(f, spec) / 1e9, recovered, recoveries, faultedAgain,
                DetectionBounds.recoveryNanos(spec) / 1e9, elsewhere, dropFirst);
    }

    private static double seconds(EpisodeEvent e) {
        return (e.stampNanos() - Clock.SIM_EPOCH_NANOS) / 1e9;
    }

    private static String describe(EpisodeEvent e) {
        return String.format(Locale.ROOT, "%s %s@%.3f s: %s", e.kind(), e.source(), seconds(e), e.detail());
    }

    /** The table, one line per cell, then the fault-free episode and the verdict. */
    public static void print(PrintWriter out, Table t) {
        out.printf(Locale.ROOT, "bench faults: %s, policy %s, each fault %.1f-%.1f s in its own %.1f s episode%n",
                t.scenario().name(), t.policy(), FROM, TO, END);
        String format = "  %-9s %-20s %-14s %-9s %-8s %-8s %-10s %-9s %-4s %s%n";
        out.printf(Locale.ROOT, format, "sensor", "kind", "reason", "detected", "latency", "bound", "recovered", "by", "ok",
                "false faults elsewhere");
        for (Row r : t.rows()) {
            String kind = Fault.name(r.fault().kind()) + switch (r.fault().kind()) {
                case NOISE, DELAY -> "=" + trim(r.fault().value());
                case CORRUPT -> "=" + Fault.name(r.fault().corruption());
                default -> "";
            };
            String reasons = r.reported().isEmpty() ? "none" : r.reported().stream().map(Enum::name).collect(Collectors.joining(">"));
            out.printf(Locale.ROOT, format, r.fault().modality().key(), kind, reasons, time(r.detectedAt()), time(r.latency()),
                    time(r.detectionBound()), r.recoveries() > 1 || r.faultedAfterRecovery() ? "flapped" : time(r.recoveredAt()),
                    time(TO + r.recoveryBound()), r.passes() ? "yes" : "NO",
                    r.elsewhere().isEmpty() ? "none" : String.join("; ", r.elsewhere()));
        }
        out.printf(Locale.ROOT, "  without faults: %s%n", t.faultFreeEvents().isEmpty() ? "no sensor events"
                : String.join("; ", t.faultFreeEvents()));
        long passed = t.rows().stream().filter(Row::passes).count();
        out.printf(Locale.ROOT, "%d of %d cells pass (%d episodes in %.1f s wall)%n", passed, t.rows().size(), t.rows().size() + 1,
                t.wallSeconds());
        out.flush();
    }

    private static String time(double s) {
        return Double.isNaN(s) ? "never" : String.format(Locale.ROOT, "%.3f", s);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}

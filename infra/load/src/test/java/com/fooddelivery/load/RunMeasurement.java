package com.fooddelivery.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every simulation measures of the processes around its load, and how it hands its results to
 * {@code infra/load/run}: CPU seconds of each process tree and heap after GC of each service, from {@link #start}
 * (the end of the setup) to {@link #finish} (the end of the load), written with the rest into a JSON file of the run
 * folder.
 */
final class RunMeasurement {

    private final ProcessProbe probe;
    private final Map<String, Long> pids;
    private final Map<String, Long> heapAtStart;
    private final Duration idle;
    private final Map<String, Double> idleCores = new LinkedHashMap<>();
    private final Map<String, Double> cpuAtStart;
    private final long startNanos;

    private RunMeasurement(ProcessProbe probe, Duration idle) {
        this.probe = probe;
        this.idle = idle;
        this.pids = probe.pids();
        this.heapAtStart = probe.heapAfterGcMiB(pids);
        if (idle.isPositive()) {
            Map<String, Double> before = probe.cpuSeconds(pids);
            long from = System.nanoTime();
            RunFixture.sleep(idle);
            Map<String, Double> after = probe.cpuSeconds(pids);
            double seconds = (System.nanoTime() - from) / 1e9;
            before.forEach((name, cpu) -> idleCores.put(name, (after.getOrDefault(name, cpu) - cpu) / seconds));
            this.cpuAtStart = after;
        } else {
            this.cpuAtStart = probe.cpuSeconds(pids);
        }
        this.startNanos = System.nanoTime();
    }

    /** Full GC and heap of each service, then the CPU counters: the load starts now. */
    static RunMeasurement start(LoadSettings settings) {
        return start(settings, Duration.ZERO);
    }

    /**
     * As {@link #start(LoadSettings)}, with the CPU each process uses while nothing is asked of it measured first,
     * for {@code idle}: background work (Elasticsearch's housekeeping, relays polling, the JVMs' own threads) that a
     * light load would otherwise count as its own.
     */
    static RunMeasurement start(LoadSettings settings, Duration idle) {
        return new RunMeasurement(new ProcessProbe(settings.pidDirectory()), idle);
    }

    Map<String, Long> pids() {
        return pids;
    }

    long startNanos() {
        return startNanos;
    }

    /**
     * The CPU counters again, then heap after a full GC: {@code loadSeconds}, {@code cpuSeconds} (per process, during
     * the load), {@code heapAfterGcMiBAtStart} and {@code heapAfterGcMiBAtEnd}; with an idle measurement also
     * {@code idleSeconds} and {@code idleCores} (per process).
     */
    Map<String, Object> finish() {
        Map<String, Double> cpuAtEnd = probe.cpuSeconds(pids);
        double loadSeconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpuAtStart.forEach((name, start) -> cpu.put(name, cpuAtEnd.getOrDefault(name, start) - start));
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("loadSeconds", loadSeconds);
        measured.put("cpuSeconds", cpu);
        if (idle.isPositive()) {
            measured.put("idleSeconds", idle.toMillis() / 1000.0);
            measured.put("idleCores", idleCores);
        }
        measured.put("heapAfterGcMiBAtStart", heapAtStart);
        measured.put("heapAfterGcMiBAtEnd", probe.heapAfterGcMiB(pids));
        return measured;
    }

    /** {@code results} as {@code <run folder>/<file>}, read by {@code infra/load/run}'s summary. */
    static void write(LoadSettings settings, String file, Map<String, Object> results) {
        try {
            Files.createDirectories(settings.runDirectory());
            Path path = settings.runDirectory().resolve(file);
            Files.writeString(
                    path, ServiceCalls.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(results));
            System.out.println("load: results in " + path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.fooddelivery.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private final Map<String, Double> cpuAtStart;
    private final long startNanos;

    private RunMeasurement(ProcessProbe probe) {
        this.probe = probe;
        this.pids = probe.pids();
        this.heapAtStart = probe.heapAfterGcMiB(pids);
        this.cpuAtStart = probe.cpuSeconds(pids);
        this.startNanos = System.nanoTime();
    }

    /** Full GC and heap of each service, then the CPU counters: the load starts now. */
    static RunMeasurement start(LoadSettings settings) {
        return new RunMeasurement(new ProcessProbe(settings.pidDirectory()));
    }

    Map<String, Long> pids() {
        return pids;
    }

    long startNanos() {
        return startNanos;
    }

    /**
     * The CPU counters again, then heap after a full GC: {@code loadSeconds}, {@code cpuSeconds} (per process, during
     * the load), {@code heapAfterGcMiBAtStart} and {@code heapAfterGcMiBAtEnd}.
     */
    Map<String, Object> finish() {
        Map<String, Double> cpuAtEnd = probe.cpuSeconds(pids);
        double loadSeconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Double> cpu = new LinkedHashMap<>();
        cpuAtStart.forEach((name, start) -> cpu.put(name, cpuAtEnd.getOrDefault(name, start) - start));
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("loadSeconds", loadSeconds);
        measured.put("cpuSeconds", cpu);
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

package com.fooddelivery.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU time and heap of the processes that carry the load, read from the outside as an operator would: CPU from
 * {@code /proc/<pid>/stat}, heap after a full GC from {@code jcmd}. The pids come from {@code infra/local}'s pid
 * files; the load generator is this JVM.
 *
 * <p>A process's CPU is its whole tree's: utime+stime of it and every live descendant, plus its {@code cutime} and
 * {@code cstime} (children that already exited and were reaped). For PostgreSQL that is the postmaster and all its
 * backends, including connections that closed during the run.
 */
final class ProcessProbe {

    static final List<String> SERVICES =
            List.of("order-service", "payment-service", "delivery-service", "query-service");
    private static final List<String> INFRASTRUCTURE = List.of("postgres", "kafka", "elasticsearch");
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total[^\\n]*?used (\\d+)K");

    private final Path pidDirectory;
    private final double ticksPerSecond = clockTicksPerSecond();

    ProcessProbe(Path pidDirectory) {
        this.pidDirectory = pidDirectory;
    }

    /** Processes by name ({@code postgres}, ..., {@code load-generator}) → pid; missing pid files are left out. */
    Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(INFRASTRUCTURE);
        names.addAll(SERVICES);
        for (String name : names) {
            Path file = pidDirectory.resolve(name + ".pid");
            try {
                String pid = Files.readString(file).trim().lines().findFirst().orElse("");
                if (!pid.isEmpty() && Files.exists(Path.of("/proc", pid))) {
                    pids.put(name, Long.parseLong(pid));
                }
            } catch (IOException | NumberFormatException e) {
                // Not running under infra/local (or not at all): reported as missing.
            }
        }
        pids.put("load-generator", ProcessHandle.current().pid());
        return pids;
    }

    /** CPU seconds used so far by each process tree. */
    Map<String, Double> cpuSeconds(Map<String, Long> pids) {
        Map<Long, List<Long>> children = childrenByParent();
        Map<String, Double> seconds = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long ticks = stat(pid).map(fields -> fields.reapedChildren).orElse(0L);
            Deque<Long> tree = new ArrayDeque<>(List.of(pid));
            while (!tree.isEmpty()) {
                long each = tree.pop();
                ticks += stat(each).map(fields -> fields.own).orElse(0L);
                tree.addAll(children.getOrDefault(each, List.of()));
            }
            seconds.put(name, ticks / ticksPerSecond);
        });
        return seconds;
    }

    /** Heap used after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}), in MiB, per service. */
    Map<String, Long> heapAfterGcMiB(Map<String, Long> pids) {
        Map<String, Long> heap = new LinkedHashMap<>();
        for (String service : SERVICES) {
            Long pid = pids.get(service);
            if (pid == null) {
                continue;
            }
            jcmd(pid, "GC.run");
            Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
            if (used.find()) {
                heap.put(service, Long.parseLong(used.group(1)) / 1024);
            }
        }
        return heap;
    }

    private record Ticks(long own, long reapedChildren) {}

    private static java.util.Optional<Ticks> stat(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // After "pid (comm) " the fields are: state ppid ... (utime is the 14th field of the whole line).
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long utime = Long.parseLong(fields[11]);
            long stime = Long.parseLong(fields[12]);
            long cutime = Long.parseLong(fields[13]);
            long cstime = Long.parseLong(fields[14]);
            return java.util.Optional.of(new Ticks(utime + stime, cutime + cstime));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty(); // exited meanwhile
        }
    }

    private static Map<Long, List<Long>> childrenByParent() {
        Map<Long, List<Long>> children = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes
                    .map(path -> path.getFileName().toString())
                    .filter(name -> name.chars().allMatch(Character::isDigit))
                    .forEach(name -> {
                        try {
                            String stat = Files.readString(Path.of("/proc", name, "stat"));
                            long parent = Long.parseLong(
                                    stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
                            children.computeIfAbsent(parent, any -> new ArrayList<>())
                                    .add(Long.parseLong(name));
                        } catch (IOException | RuntimeException e) {
                            // exited meanwhile
                        }
                    });
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        return children;
    }

    private static String jcmd(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return output;
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** USER_HZ: 100 on every Linux this runs on; asked of getconf in case it is not. */
    private static double clockTicksPerSecond() {
        try {
            Process process = new ProcessBuilder("getconf", "CLK_TCK").start();
            String output = new String(process.getInputStream().readAllBytes()).trim();
            process.waitFor(5, TimeUnit.SECONDS);
            return Double.parseDouble(output);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}

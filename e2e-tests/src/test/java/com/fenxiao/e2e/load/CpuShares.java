package com.fenxiao.e2e.load;

import com.fenxiao.e2e.LaunchedPlatform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where a step's CPU went: the CPU time (user + system, from {@code /proc/<pid>/stat}) of this JVM (the
 * load client) and of every process it started (the launcher with the name server, the broker, each
 * service, MariaDB, Redis), and of the whole machine ({@code /proc/stat}), between two snapshots. Linux
 * only; elsewhere the snapshots are empty and nothing is printed.
 */
final class CpuShares {

    /** Clock ticks per second of {@code /proc} times; 100 on every Linux this runs on. */
    private static final double TICKS = 100.0;

    record Snapshot(long nanos, Map<String, Long> ticksByProcess, long machineBusy, long machineTotal) {}

    private CpuShares() {}

    static Snapshot take() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        add(ticks, "load client (this JVM)", ProcessHandle.current().pid());
        try (Stream<ProcessHandle> all = ProcessHandle.current().descendants()) {
            all.forEach(h -> add(ticks, name(h.pid()), h.pid()));
        }
        long busy = 0;
        long total = 0;
        try {
            String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = cpu.trim().split("\\s+");
            for (int i = 1; i < f.length && i <= 8; i++) {
                long v = Long.parseLong(f[i]);
                total += v;
                if (i != 4 && i != 5) { // idle, iowait
                    busy += v;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return new Snapshot(System.nanoTime(), ticks, busy, total);
    }

    /**
     * Cores used by each process between the snapshots (descending; processes under 0.01 cores left out),
     * then the machine's busy cores and what the processes above do not explain (other work on the machine).
     */
    static String between(Snapshot before, Snapshot after) {
        double seconds = (after.nanos() - before.nanos()) / 1e9;
        if (after.ticksByProcess().isEmpty() || seconds <= 0) {
            return "";
        }
        List<Map.Entry<String, Double>> cores = new ArrayList<>();
        double ours = 0;
        for (var e : after.ticksByProcess().entrySet()) {
            double used = (e.getValue() - before.ticksByProcess().getOrDefault(e.getKey(), 0L)) / TICKS / seconds;
            ours += used;
            if (used >= 0.01) {
                cores.add(Map.entry(e.getKey(), used));
            }
        }
        cores.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        StringBuilder out = new StringBuilder("CPU, cores used: ");
        for (var e : cores) {
            out.append(String.format(Locale.ROOT, "%s %.2f, ", e.getKey(), e.getValue()));
        }
        int processors = Runtime.getRuntime().availableProcessors();
        long total = after.machineTotal() - before.machineTotal();
        if (total > 0) {
            double machine = processors * (after.machineBusy() - before.machineBusy()) / (double) total;
            out.append(String.format(
                    Locale.ROOT,
                    "all of these %.2f; machine busy %.2f of %d cores (%.2f not ours)",
                    ours,
                    machine,
                    processors,
                    Math.max(0, machine - ours)));
        } else {
            out.append(String.format(Locale.ROOT, "all of these %.2f of %d cores", ours, processors));
        }
        return out.toString();
    }

    /** CPU seconds each process used between the snapshots, largest first (the order-chain run's per-order figures). */
    static Map<String, Double> secondsBetween(Snapshot before, Snapshot after) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (var e : after.ticksByProcess().entrySet()) {
            out.put(e.getKey(), (e.getValue() - before.ticksByProcess().getOrDefault(e.getKey(), 0L)) / TICKS);
        }
        return OrderChainRun.sortedByValue(out);
    }

    private static void add(Map<String, Long> ticks, String name, long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"), StandardCharsets.UTF_8);
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // after the command: state(0) ppid … utime(11) stime(12)
            ticks.merge(name, Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
        } catch (IOException | RuntimeException e) {
            // gone, or not Linux
        }
    }

    private static String name(long pid) {
        String cmd;
        try {
            cmd = Files.readString(Path.of("/proc/" + pid + "/cmdline"), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return "pid " + pid;
        }
        for (String service : LaunchedPlatform.SERVICES) {
            if (cmd.contains("/" + service + ".jar")) {
                return service;
            }
        }
        if (cmd.contains("local-platform-exec.jar broker ")) {
            return "RocketMQ broker";
        }
        if (cmd.contains("local-platform-exec.jar")) {
            return "launcher + name server";
        }
        if (cmd.contains("mariadbd")) {
            return "MariaDB";
        }
        if (cmd.contains("redis-server")) {
            return "Redis";
        }
        return "other child processes";
    }
}

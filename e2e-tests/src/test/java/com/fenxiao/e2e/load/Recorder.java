package com.fenxiao.e2e.load;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Latencies (nanoseconds) and answers of one closed-loop step, per request kind. Each client thread
 * records into its own instance; the step merges them afterwards, so recording never contends.
 * Percentiles are exact, over the sorted recorded values (nearest rank).
 */
final class Recorder {

    /** A growable array of longs. */
    static final class Longs {
        long[] values = new long[1024];
        int size;

        void add(long v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = v;
        }

        void addAll(Longs other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }
    }

    /** Status -1 stands for an I/O failure or a time-out (no answer). */
    static final int NO_ANSWER = -1;

    final Map<String, Longs> latencies = new TreeMap<>();
    /** kind → status → count, for answers that are not 2xx (and no-answers). */
    final Map<String, Map<Integer, Long>> errors = new TreeMap<>();

    void record(String kind, long nanos, int status) {
        latencies.computeIfAbsent(kind, k -> new Longs()).add(nanos);
        if (status < 200 || status > 299) {
            errors.computeIfAbsent(kind, k -> new TreeMap<>()).merge(status, 1L, Long::sum);
        }
    }

    void merge(Recorder other) {
        other.latencies.forEach(
                (k, v) -> latencies.computeIfAbsent(k, x -> new Longs()).addAll(v));
        other.errors.forEach((k, m) -> {
            Map<Integer, Long> mine = errors.computeIfAbsent(k, x -> new TreeMap<>());
            m.forEach((s, n) -> mine.merge(s, n, Long::sum));
        });
    }

    long count() {
        return latencies.values().stream().mapToLong(l -> l.size).sum();
    }

    /** Summary of one kind, or of every kind together when {@code kind} is null. */
    Summary summary(String kind) {
        Longs all = new Longs();
        if (kind == null) {
            latencies.values().forEach(all::addAll);
        } else if (latencies.containsKey(kind)) {
            all.addAll(latencies.get(kind));
        }
        long[] sorted = Arrays.copyOf(all.values, all.size);
        Arrays.sort(sorted);
        long errorCount = 0;
        for (Map.Entry<String, Map<Integer, Long>> e : errors.entrySet()) {
            if (kind == null || e.getKey().equals(kind)) {
                errorCount += e.getValue().values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
            }
        }
        return new Summary(
                sorted.length,
                percentile(sorted, 0.50),
                percentile(sorted, 0.99),
                percentile(sorted, 0.999),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1],
                errorCount);
    }

    long serverErrors() {
        return errors.values().stream()
                .flatMap(m -> m.entrySet().stream())
                .filter(e -> e.getKey() >= 500)
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    private static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Count, p50, p99, p99.9 and max in nanoseconds, and the count of non-2xx answers. */
    record Summary(long count, long p50, long p99, long p999, long max, long errors) {}
}

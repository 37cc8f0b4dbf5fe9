package io.hallpass.realm.bench;

import java.util.Arrays;
import java.util.List;

/**
 * Every latency one thread measured in one phase, in nanoseconds (a growing {@code long[]}: a few million calls
 * at most, so no histogram is needed), and their percentiles once merged.
 */
final class Latencies {

    /** count calls; percentiles and maximum in microseconds. */
    record Summary(int count, double p50, double p99, double p999, double max) {

        @Override
        public String toString() {
            return String.format("%,9d calls  p50 %8.1f µs  p99 %8.1f µs  p99.9 %8.1f µs  max %9.1f µs", count, p50,
                    p99, p999, max);
        }
    }

    private long[] values = new long[1 << 16];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    static Summary summarize(List<Latencies> parts) {
        int total = parts.stream().mapToInt(p -> p.size).sum();
        long[] all = new long[total];
        int at = 0;
        for (Latencies p : parts) {
            System.arraycopy(p.values, 0, all, at, p.size);
            at += p.size;
        }
        Arrays.sort(all);
        return total == 0 ? new Summary(0, 0, 0, 0, 0)
                : new Summary(total, micros(all, 0.50), micros(all, 0.99), micros(all, 0.999),
                        all[total - 1] / 1_000.0);
    }

    /** The nearest-rank percentile. */
    private static double micros(long[] sorted, double quantile) {
        int rank = (int) Math.ceil(quantile * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1_000.0;
    }
}

package io.sluice.recovery;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Collects recovery times (a restarted child's process start to its first {@code BATCH} line: JVM start, recovery
 * and the first batch) over a test class and reports nearest-rank percentiles.
 *
 * <p>Thread-safe: every method synchronizes.
 */
public final class RecoveryTimes
{
    private final List<Long> samples = new ArrayList<>();

    public synchronized void addAll(final List<Long> times)
    {
        samples.addAll(times);
    }

    public synchronized int count()
    {
        return samples.size();
    }

    /** The nearest-rank {@code p}-th percentile (0 < p <= 100); -1 with no samples. */
    public synchronized long percentile(final double p)
    {
        if (samples.isEmpty())
        {
            return -1;
        }
        final List<Long> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        final int rank = (int)Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    /** {@code recovery_ms n=<count> p50=<ms> p99=<ms> max=<ms>}. */
    public synchronized String summary()
    {
        return "recovery_ms n=" + samples.size() + " p50=" + percentile(50) + " p99=" + percentile(99) + " max="
            + percentile(100);
    }
}

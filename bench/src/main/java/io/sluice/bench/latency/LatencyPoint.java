package io.sluice.bench.latency;

import org.HdrHistogram.Histogram;

import java.util.Locale;

/**
 * The result of one (batch interval, offered rate) point of the sweep. Latencies are in microseconds.
 *
 * @param intervalMs         batch interval.
 * @param offeredRate        records per second the generator was asked for.
 * @param achievedRate       records per second it stored during the measurement.
 * @param measured           records whose latency was recorded (those due after the warm-up).
 * @param unseen             records stored but never seen by the output before the drain timeout.
 * @param histogram          end-to-end latency, nanoseconds, coordinated-omission corrected.
 * @param p99FirstHalfUs     p99 of records due in the first half of the measurement.
 * @param p99SecondHalfUs    p99 of those due in the second half.
 * @param batches            batches completed during the measurement.
 * @param batchesOverInterval batches whose processing delay exceeded the interval.
 * @param maxProcessingMs    largest processing delay of a measured batch.
 */
public record LatencyPoint(long intervalMs, long offeredRate, double achievedRate, long measured, long unseen,
                           Histogram histogram, double p99FirstHalfUs, double p99SecondHalfUs, long batches,
                           long batchesOverInterval, double maxProcessingMs)
{
    /** How much the second half's p99 may exceed the first half's before the latency counts as growing. */
    public static final double P99_GROWTH_LIMIT = 2.0;

    /**
     * The p99 a sustained point may reach, in batch intervals: a record waits up to one interval for its cut and at
     * most one more for its batch's job (the rule the peer comparison uses too).
     */
    public static final double P99_INTERVALS_LIMIT = 2.0;

    /**
     * Sustained: every batch processed within its interval, every record seen, the generator kept its rate
     * (within 2 %), the p99 did not grow over the run (second half ≤ {@value #P99_GROWTH_LIMIT} × first half,
     * plus one interval of slack), and the p99 is at most {@value #P99_INTERVALS_LIMIT} intervals (a backlog in
     * ingest that stays constant would pass the other rules).
     */
    public boolean isSustained()
    {
        return 0 == batchesOverInterval && 0 == unseen && achievedRate >= 0.98 * offeredRate &&
            p99SecondHalfUs <= P99_GROWTH_LIMIT * p99FirstHalfUs + intervalMs * 1000.0 &&
            percentileUs(99) <= P99_INTERVALS_LIMIT * intervalMs * 1000.0;
    }

    public double percentileUs(final double percentile)
    {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxUs()
    {
        return histogram.getMaxValue() / 1000.0;
    }

    /** One JSON object, no trailing newline. */
    public String toJson()
    {
        return String.format(Locale.ROOT,
            "{\"intervalMs\": %d, \"offeredRate\": %d, \"achievedRate\": %.0f, \"measured\": %d, \"unseen\": %d, " +
            "\"p50Us\": %.1f, \"p99Us\": %.1f, \"p999Us\": %.1f, \"p9999Us\": %.1f, \"maxUs\": %.1f, " +
            "\"p99FirstHalfUs\": %.1f, \"p99SecondHalfUs\": %.1f, \"batches\": %d, \"batchesOverInterval\": %d, " +
            "\"maxProcessingMs\": %.1f, \"sustained\": %b}",
            intervalMs, offeredRate, achievedRate, measured, unseen, percentileUs(50), percentileUs(99),
            percentileUs(99.9), percentileUs(99.99), maxUs(), p99FirstHalfUs, p99SecondHalfUs, batches,
            batchesOverInterval, maxProcessingMs, isSustained());
    }
}

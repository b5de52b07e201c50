package io.sluice.bench;

import io.sluice.bench.latency.LatencyPoint;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyPointTest
{
    private static LatencyPoint point(final long latencyMs, final long batchesOver, final double achieved,
        final double p99FirstMs, final double p99SecondMs)
    {
        final Histogram histogram = new Histogram(3);
        for (int i = 0; i < 1000; i++)
        {
            histogram.recordValue(latencyMs * 1_000_000L);
        }
        return new LatencyPoint(1000, 100_000, achieved, 1000, 0, histogram, p99FirstMs * 1000, p99SecondMs * 1000,
            6, batchesOver, 10);
    }

    @Test
    void aPointWithinItsIntervalThatKeptItsRateIsSustained()
    {
        assertTrue(point(600, 0, 100_000, 1000, 1000).isSustained());
    }

    @Test
    void aConstantBacklogOfSeveralIntervalsIsNotSustained()
    {
        // every batch within its interval and the p99 flat over the run, but records wait 4 s: ingest is behind
        assertFalse(point(4000, 0, 100_000, 4000, 4000).isSustained());
    }

    @Test
    void slowBatchesALostRateOrAGrowingP99AreNotSustained()
    {
        assertFalse(point(600, 1, 100_000, 1000, 1000).isSustained());
        assertFalse(point(600, 0, 90_000, 1000, 1000).isSustained());
        assertFalse(point(600, 0, 100_000, 100, 1500).isSustained());
    }
}

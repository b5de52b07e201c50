package io.sluice.internal.ratecontrol;

import io.sluice.api.BatchInfo;
import io.sluice.api.StreamingContext;
import io.sluice.api.Time;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RateControllerTest
{
    private static BatchInfo completed(final long time, final long records, final long processingMs)
    {
        return new BatchInfo(new Time(time), records, Optional.of(Duration.ZERO), Optional.of(Duration.ofMillis(processingMs)),
            Optional.of(Duration.ofMillis(processingMs)), time, Optional.of(time), Optional.of(time + processingMs),
            Map.of(0, records, 1, 7L), List.of());
    }

    @Test
    void publishesTheEstimateForItsOwnStreamCappedAtTheMaxRate()
    {
        final List<Long> published = new CopyOnWriteArrayList<>();
        final RateController controller = new RateController(0, new PidRateEstimator(100, 1.0, 0.0, 0.0, 10), published::add,
            5_000);
        controller.onBatchCompleted(completed(100, 100, 50));
        assertEquals(List.of(), published, "the first batch only seeds the estimator");
        controller.onBatchCompleted(completed(200, 100, 50));
        assertEquals(List.of(2000L), published);
        controller.onBatchCompleted(completed(300, 1000, 50));
        assertEquals(List.of(2000L, 5000L), published, "20 000 records/s capped at the max rate");
    }

    @Test
    void unknownEstimatorOrBadGainIsRejectedWhenTheContextIsBuilt()
    {
        final IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
            () -> StreamingContext.builder().batchInterval(Duration.ofSeconds(1))
                .set("sluice.backpressure.enabled", "true").set("sluice.backpressure.rateEstimator", "pi").build());
        assertTrue(unknown.getMessage().startsWith("Unknown rate estimator: pi"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> StreamingContext.builder().batchInterval(Duration.ofSeconds(1))
            .set("sluice.backpressure.enabled", "true").set("sluice.backpressure.pid.integral", "-1").build());
        assertThrows(IllegalArgumentException.class, () -> StreamingContext.builder().batchInterval(Duration.ofSeconds(1))
            .set("sluice.backpressure.enabled", "yes").build());
    }
}

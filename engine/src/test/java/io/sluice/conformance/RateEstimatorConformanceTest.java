package io.sluice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.internal.ratecontrol.PidRateEstimator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** PIDRateEstimatorSuite's cases: input rows are (time, numElements, processingDelay, schedulingDelay). */
class RateEstimatorConformanceTest
{
    private static PidRateEstimator estimator(final JsonNode ctor)
    {
        return new PidRateEstimator(ctor.get("batchIntervalMs").asLong(), ctor.get("proportional").asDouble(),
            ctor.get("integral").asDouble(), ctor.get("derivative").asDouble(), ctor.get("minRate").asDouble());
    }

    private static void replay(final String name)
    {
        final JsonNode spec = ConformanceCases.byName(name);
        final PidRateEstimator estimator = estimator(spec.get("params").get("ctor"));
        final JsonNode input = spec.get("input");
        final JsonNode expected = spec.get("expected");
        assertEquals(expected.size(), input.size());
        for (int i = 0; i < input.size(); i++)
        {
            final JsonNode row = input.get(i);
            final double rate = estimator.compute(row.get(0).asLong(), row.get(1).asLong(), row.get(2).asLong(),
                row.get(3).asLong());
            final JsonNode want = expected.get(i);
            if (want.isNull())
            {
                assertTrue(Double.isNaN(rate), "call " + i + ": no estimate expected, got " + rate);
            }
            else if (want.isTextual())
            {
                assertEquals("notNone", want.asText());
                assertFalse(Double.isNaN(rate), "call " + i + ": an estimate expected");
            }
            else
            {
                assertEquals(want.asDouble(), rate, 1e-9, "call " + i);
            }
        }
    }

    @Test
    @DisplayName("no estimate when no time difference between successive calls")
    void noEstimateWhenNoTimeDifferenceBetweenSuccessiveCalls()
    {
        replay("no estimate when no time difference between successive calls");
    }

    @Test
    @DisplayName("second estimate is not None")
    void secondEstimateIsNotNone()
    {
        replay("second estimate is not None");
    }

    @Test
    @DisplayName("with no accumulated but some positive error, |I| > 0, follow the processing speed")
    void withNoAccumulatedButSomePositiveErrorFollowTheProcessingSpeed()
    {
        replay("with no accumulated but some positive error, |I| > 0, follow the processing speed");
    }

    @Test
    @DisplayName("no estimate when no records in previous batch")
    void noEstimateWhenNoRecordsInPreviousBatch()
    {
        replay("no estimate when no records in previous batch");
    }

    @Test
    @DisplayName("estimator checks ranges")
    void estimatorChecksRanges()
    {
        final JsonNode spec = ConformanceCases.byName("estimator checks ranges");
        for (int i = 0; i < spec.get("input").size(); i++)
        {
            final JsonNode ctor = spec.get("input").get(i);
            final Throwable error = assertThrows(Throwable.class, () -> estimator(ctor));
            assertEquals(spec.get("expected").get(i).asText(), error.getClass().getSimpleName(), ctor.toString());
        }
    }
}

package io.sluice.perf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScoreUnitsTest
{
    @Test
    void convertsThroughputAndTimePerOperation()
    {
        assertEquals(1e-3, ScoreUnits.factor("ops/ms", "ops/us"), 1e-18);
        assertEquals(1e6, ScoreUnits.factor("ops/us", "ops/s"), 1e-6);
        assertEquals(1e3, ScoreUnits.factor("us/op", "ns/op"), 1e-9);
        assertEquals(1e-3, ScoreUnits.factor("ns/op", "us/op"), 1e-18);
        assertEquals(1.0, ScoreUnits.factor("B/op", "B/op"), 0);
    }

    @Test
    void refusesUnrelatedUnits()
    {
        assertTrue(Double.isNaN(ScoreUnits.factor("ops/us", "us/op")));
        assertTrue(Double.isNaN(ScoreUnits.factor("B/op", "ns/op")));
    }
}

package io.sluice.perf.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartScaleTest
{
    @Test
    void roundsUpToNiceTicks()
    {
        final ChartScale scale = new ChartScale(91.3, 250, 50);
        assertEquals(100, scale.max(), 0);
        assertEquals(List.of(0.0, 20.0, 40.0, 60.0, 80.0, 100.0), scale.ticks());
        assertEquals(250, scale.y(0), 0);
        assertEquals(50, scale.y(100), 0);
        assertEquals(150, scale.y(50), 1e-9);
    }

    @Test
    void clampsAndSurvivesEmptyData()
    {
        final ChartScale scale = new ChartScale(0, 100, 0);
        assertEquals(1, scale.max(), 0);
        assertEquals(100, scale.y(-5), 0);
        assertEquals(0, scale.y(7), 0);
    }
}

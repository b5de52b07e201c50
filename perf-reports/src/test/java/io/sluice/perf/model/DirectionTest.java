package io.sluice.perf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DirectionTest
{
    @Test
    void directionFollowsMode()
    {
        assertEquals(Direction.HIGHER_IS_BETTER, Direction.ofMode("thrpt"));
        assertEquals(Direction.LOWER_IS_BETTER, Direction.ofMode("avgt"));
        assertEquals(Direction.LOWER_IS_BETTER, Direction.ofMode("sample"));
        assertEquals(Direction.LOWER_IS_BETTER, Direction.ofMode("ss"));
        assertTrue(Direction.isAllocationPerOperation("gc.alloc.rate.norm"));
        assertTrue(Direction.isAllocationPerOperation("\u00b7gc.alloc.rate.norm"));
    }

    @Test
    void improvementDependsOnDirection()
    {
        assertTrue(Direction.HIGHER_IS_BETTER.isImprovement(0.1));
        assertFalse(Direction.HIGHER_IS_BETTER.isImprovement(-0.1));
        assertTrue(Direction.LOWER_IS_BETTER.isImprovement(-0.1));
        assertFalse(Direction.LOWER_IS_BETTER.isImprovement(0));
    }
}

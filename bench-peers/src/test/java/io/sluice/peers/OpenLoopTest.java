package io.sluice.peers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OpenLoopTest
{
    @Test
    void nothingIsDueBeforeTheScheduleStarts()
    {
        final OpenLoop open = new OpenLoop(1000, 100, 5000, 500);
        assertEquals(0, open.due(Long.MAX_VALUE / 2));
        assertEquals(-1, new OpenLoop(1000, 100, 0, 0).pollDue());
    }

    @Test
    void recordsAreDueAtStartPlusIndexOverRate()
    {
        final OpenLoop open = new OpenLoop(1000, 100, 5000, 500);
        open.start();
        assertEquals(1_000_000L, open.intended(1) - open.intended(0));
        assertEquals(2_000_000_000L, open.intended(2000) - open.intended(0));
        assertEquals(1, open.due(open.intended(0)));
        assertEquals(2001, open.due(open.intended(2000)));
        assertEquals(5000, open.due(open.intended(0) + 3_600_000_000_000L));
    }

    @Test
    void aWindowsRecordsAreRecordedOnceAndWarmUpRecordsNotAtAll()
    {
        final OpenLoop open = new OpenLoop(1000, 100, 5000, 500);
        open.start();
        final long late = open.intended(0) + 10_000_000_000L;
        open.seenBatch(2, 100, late);
        open.seenBatch(2, 100, late);
        open.seenBatch(7, 100, late);
        assertEquals(200, open.seenCount());
        final Outcome outcome = new Outcome();
        open.report(outcome);
        assertEquals(true, outcome.toJson("x", new Spec("wordcount", 1, 0, 1, false, new String[] {""}, open))
            .contains("\"latencyRecords\": 100,"));
    }

    @Test
    void theRateTimesTheIntervalMustBeWholeRecords()
    {
        assertThrows(IllegalArgumentException.class, () -> new OpenLoop(3, 100, 10, 0));
    }
}

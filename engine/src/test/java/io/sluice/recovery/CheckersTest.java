package io.sluice.recovery;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The crash matrix's checkers on hand-made logs and outputs with known lost, duplicated and unexpected counts:
 * independent of the engine.
 */
class CheckersTest
{
    @Test
    void totalQueueIsCleanWhenEveryRecordComesOutOnce()
    {
        final CheckResult result = TotalQueueChecker.check(counts("k0 1", "k1 1", "k0 2"),
            outputs(10, List.of("k0 1", "k1 1"), 20, List.of("k0 2")));
        assertClean(result);
    }

    @Test
    void totalQueueCountsLostDuplicatedAndUnexpectedRecords()
    {
        final CheckResult result = TotalQueueChecker.check(counts("a", "b", "c", "d"),
            outputs(10, List.of("a", "a", "b"), 20, List.of("b", "x")));
        assertCounts(result, 2, 2, 1, 0);
    }

    @Test
    void totalQueueComparesWithTheLogsOwnMultiplicity()
    {
        final CheckResult result = TotalQueueChecker.check(counts("a", "a", "b"), outputs(10, List.of("a", "b", "a")));
        assertClean(result);
    }

    @Test
    void stateIsCleanWhenTheLastFileHasTheLogsCountsAndNothingDecreases()
    {
        final CheckResult result = StateChecker.check(Map.of("k0", 3L, "k1", 2L),
            outputs(10, List.of("k0 1"), 20, List.of("k0 2", "k1 1"), 30, List.of("k0 3", "k1 2")));
        assertClean(result);
    }

    @Test
    void stateCountsShortfallsExcessesAndUnknownKeysInTheLastFile()
    {
        final CheckResult result = StateChecker.check(Map.of("k0", 3L, "k1", 2L, "k2", 1L),
            outputs(10, List.of("k0 1"), 20, List.of("k0 2", "k1 4", "k9 1")));
        // k0 short by 1, k2 missing (1), k1 over by 2, k9 not in the log
        assertCounts(result, 2, 2, 1, 0);
    }

    @Test
    void stateFlagsACountThatGoesDown()
    {
        final CheckResult result = StateChecker.check(Map.of("k0", 3L),
            outputs(10, List.of("k0 2"), 20, List.of("k0 1"), 30, List.of("k0 3")));
        assertCounts(result, 0, 0, 0, 1);
    }

    @Test
    void stateWithNoOutputLosesEverything()
    {
        assertCounts(StateChecker.check(Map.of("k0", 3L, "k1", 1L), new TreeMap<>()), 4, 0, 0, 0);
    }

    @Test
    void sequenceIsCleanWhenEveryKeyCountsOneByOne()
    {
        final CheckResult result = SequenceChecker.check(Map.of("k0", 3L, "k1", 1L),
            outputs(10, List.of("k0 1", "k1 1", "k0 2"), 20, List.of("k0 3")));
        assertClean(result);
    }

    @Test
    void sequenceAfterAStateResetHasGapsRepeatsAndAStepBack()
    {
        final CheckResult result = SequenceChecker.check(Map.of("k0", 4L),
            outputs(10, List.of("k0 1", "k0 2"), 20, List.of("k0 1", "k0 2")));
        // 3 and 4 never emitted, 1 and 2 twice, 2 -> 1 goes back
        assertCounts(result, 2, 2, 0, 1);
    }

    @Test
    void sequenceCountsValuesBeyondTheLogAndUnknownKeysAsUnexpected()
    {
        final CheckResult result = SequenceChecker.check(Map.of("k0", 2L),
            outputs(10, List.of("k0 1", "k0 2", "k0 3", "k5 1")));
        assertCounts(result, 0, 0, 2, 0);
    }

    @Test
    void sequenceTreatsATimeoutRecordAsAViolation()
    {
        final CheckResult result = SequenceChecker.check(Map.of("k0", 1L),
            outputs(10, List.of("k0 1"), 20, List.of("k0 TIMEOUT")));
        assertCounts(result, 0, 0, 0, 1);
    }

    @Test
    void sequenceOutOfOrderIsAViolationOnly()
    {
        final CheckResult result = SequenceChecker.check(Map.of("k0", 3L),
            outputs(10, List.of("k0 1", "k0 3"), 20, List.of("k0 2")));
        assertCounts(result, 0, 0, 0, 1);
    }

    /** Batches every 10 ms, window 40 ms, slide 20 ms. */
    private static SortedMap<Long, Map<String, Long>> windowBatches()
    {
        final SortedMap<Long, Map<String, Long>> batches = new TreeMap<>();
        batches.put(10L, Map.of("a", 1L));
        batches.put(20L, Map.of("a", 2L, "b", 1L));
        batches.put(30L, Map.of());
        batches.put(40L, Map.of("b", 1L));
        return batches;
    }

    @Test
    void windowIsCleanWhenEveryWindowMatchesTheLogAndTheLastIsZero()
    {
        final CheckResult result = WindowChecker.check(windowBatches(), 40,
            outputs(20, List.of("a 3", "b 1"), 40, List.of("a 3", "b 2"), 60, List.of("a 0", "b 1"),
                80, List.of("a 0", "b 0")));
        assertClean(result);
    }

    @Test
    void windowCountsWrongValuesInRecordWindows()
    {
        final CheckResult result = WindowChecker.check(windowBatches(), 40,
            outputs(20, List.of("a 3", "b 1", "c 2"), 40, List.of("a 4", "b 2"), 60, List.of("a 0"),
                80, List.of("a -1", "b 0")));
        // c unexpected (2); a at 40 one too many; b missing at 60 (1 expected); a at 80 is -1: lost 1 and negative
        assertCounts(result, 2, 1, 2, 1);
    }

    @Test
    void windowFlagsADroppedKeyAndARunThatStoppedTooEarly()
    {
        final CheckResult result = WindowChecker.check(windowBatches(), 40,
            outputs(20, List.of("a 3", "b 1"), 40, List.of("b 2"), 60, List.of("a 0", "b 1")));
        // a missing at 40 where it has 3 records: lost 3; the last window (60) still covers batch 40
        assertCounts(result, 3, 0, 0, 1);
    }

    @Test
    void windowFlagsAKeyDroppedAtZero()
    {
        final CheckResult result = WindowChecker.check(windowBatches(), 40,
            outputs(20, List.of("a 3", "b 1"), 40, List.of("a 3", "b 2"), 60, List.of("b 1"),
                80, List.of("a 0", "b 0")));
        assertCounts(result, 0, 0, 0, 1);
    }

    @Test
    void logContentsCountsDuplicatesInTheLog()
    {
        final LogContents log = new LogContents(List.of("k0 1", "k1 1", "k0 1", "k0 1"), new TreeMap<>(), 0, 0, 1,
            List.of());
        assertEquals(2, log.duplicates());
        assertEquals(Map.of("k0", 3L, "k1", 1L), log.keyCounts());
    }

    private static Map<String, Long> counts(final String... records)
    {
        final Map<String, Long> counts = new TreeMap<>();
        for (final String record : records)
        {
            counts.merge(record, 1L, Long::sum);
        }
        return counts;
    }

    private static SortedMap<Long, List<String>> outputs(final Object... timesAndLines)
    {
        final SortedMap<Long, List<String>> outputs = new TreeMap<>();
        for (int i = 0; i < timesAndLines.length; i += 2)
        {
            @SuppressWarnings("unchecked")
            final List<String> lines = (List<String>)timesAndLines[i + 1];
            outputs.put(((Number)timesAndLines[i]).longValue(), lines);
        }
        return outputs;
    }

    private static void assertClean(final CheckResult result)
    {
        assertTrue(result.isClean(), result.toString());
    }

    private static void assertCounts(final CheckResult result, final long lost, final long duplicated,
        final long unexpected, final long violations)
    {
        assertEquals(List.of(lost, duplicated, unexpected, violations),
            List.of(result.lost(), result.duplicated(), result.unexpected(), result.violations()), result.toString());
    }
}

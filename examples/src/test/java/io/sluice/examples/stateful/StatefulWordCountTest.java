package io.sluice.examples.stateful;

import io.sluice.api.Pair;
import io.sluice.api.Time;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatefulWordCountTest
{
    private static final List<String> WORDS = List.of("alpha", "beta", "gamma", "delta", "epsilon");

    /** 8 batches of seeded random lines, then 12 empty ones (so every session goes idle). */
    private static List<List<String>> batches()
    {
        final Random random = new Random(7);
        final List<List<String>> batches = new ArrayList<>();
        for (int b = 0; b < 8; b++)
        {
            final List<String> lines = new ArrayList<>();
            for (int l = random.nextInt(4); l > 0; l--)
            {
                final StringBuilder line = new StringBuilder();
                for (int w = 1 + random.nextInt(5); w > 0; w--)
                {
                    line.append(WORDS.get(random.nextInt(b < 4 ? WORDS.size() : 2))).append(' ');
                }
                lines.add(line.toString().trim());
            }
            batches.add(lines);
        }
        for (int b = 0; b < 12; b++)
        {
            batches.add(List.of());
        }
        return batches;
    }

    @Test
    void runningCountsEqualTheTotalsSoFarAfterEveryBatch()
    {
        final List<List<String>> batches = batches();
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final CollectedOutput<Pair<String, Long>> out = driver.collect(
                StatefulWordCount.runningCounts(driver.input(batches)).boxed());
            driver.start();
            driver.advance(batches.size());
            final Map<String, Long> totals = new HashMap<>();
            for (int b = 0; b < batches.size(); b++)
            {
                for (final String line : batches.get(b))
                {
                    for (final String word : line.split(" "))
                    {
                        totals.merge(word, 1L, Long::sum);
                    }
                }
                final Map<String, Long> actual = new HashMap<>();
                out.batches().get(b).forEach(pair -> actual.put(pair.key(), pair.value()));
                assertEquals(totals, actual, "after batch " + (b + 1));
            }
        }
    }

    @Test
    void sessionsCountWhileAWordKeepsComingAndExpireOnceIdle()
    {
        final List<List<String>> batches = batches();
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final CollectedOutput<String> out = driver.collect(
                StatefulWordCount.sessions(driver.input(batches), Duration.ofSeconds(2)));
            driver.start();
            driver.advance(batches.size());
            // independent: per batch, each word's new total; on checkpoint batches (every 10th) an expiry for
            // every word idle strictly longer than the timeout, which then starts again from zero
            final Map<String, Long> totals = new HashMap<>();
            final Map<String, Long> lastSeenMs = new HashMap<>();
            for (int b = 0; b < batches.size(); b++)
            {
                final long time = (b + 1) * 1000L;
                final Map<String, Long> batchCounts = new java.util.LinkedHashMap<>();
                for (final String line : batches.get(b))
                {
                    for (final String word : line.split(" "))
                    {
                        batchCounts.merge(word, 1L, Long::sum);
                    }
                }
                final List<String> expected = new ArrayList<>();
                batchCounts.forEach((word, n) ->
                {
                    expected.add(word + "=" + totals.merge(word, n, Long::sum));
                    lastSeenMs.put(word, time);
                });
                if ((b + 1) % 10 == 0)
                {
                    for (final String word : new ArrayList<>(totals.keySet()))
                    {
                        if (time - lastSeenMs.get(word) > 2000)
                        {
                            expected.add(word + " expired after " + totals.remove(word));
                        }
                    }
                }
                final List<String> actual = new ArrayList<>(out.batches().get(b));
                java.util.Collections.sort(expected);
                java.util.Collections.sort(actual);
                assertEquals(expected, actual, "batch " + (b + 1));
            }
            assertTrue(totals.isEmpty(), "every session expired by the second checkpoint batch");
            assertEquals(new Time(20_000), out.times().get(19));
        }
    }
}

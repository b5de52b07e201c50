package io.sluice.examples.windowed;

import io.sluice.api.Pair;
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

class WindowedWordCountTest
{
    @Test
    void countsOverASlidingWindowEqualARecountOfTheWindowsBatches()
    {
        final List<String> words = List.of("red", "green", "blue", "cyan");
        final Random random = new Random(11);
        final List<List<String>> batches = new ArrayList<>();
        for (int b = 0; b < 12; b++)
        {
            final List<String> lines = new ArrayList<>();
            for (int l = b >= 9 ? 0 : random.nextInt(3); l > 0; l--)
            {
                lines.add(words.get(random.nextInt(words.size())) + " " + words.get(random.nextInt(b + 1) % 4));
            }
            batches.add(lines);
        }
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final CollectedOutput<Pair<String, Long>> out = driver.collect(WindowedWordCount.windowedCounts(
                driver.input(batches), Duration.ofSeconds(3), Duration.ofSeconds(1)).boxed());
            driver.start();
            driver.advance(batches.size());
            assertEquals(batches.size(), out.batches().size());
            for (int b = 0; b < batches.size(); b++)
            {
                final Map<String, Long> expected = new HashMap<>();
                for (int w = Math.max(0, b - 2); w <= b; w++)
                {
                    for (final String line : batches.get(w))
                    {
                        for (final String word : line.split(" "))
                        {
                            expected.merge(word, 1L, Long::sum);
                        }
                    }
                }
                final Map<String, Long> actual = new HashMap<>();
                out.batches().get(b).forEach(pair -> actual.put(pair.key(), pair.value()));
                assertEquals(expected, actual, "window ending with batch " + (b + 1));
            }
            assertEquals(List.of(), out.batches().get(batches.size() - 1), "every word has left the window");
        }
    }
}

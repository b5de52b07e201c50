package io.sluice.examples.wordcount;

import io.sluice.api.Pair;
import io.sluice.examples.feed.TextFeeder;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NetworkWordCountTest
{
    @Test
    void countsTheFeedersWordsOverALoopbackSocket() throws Exception
    {
        final Map<String, Long> expected = new HashMap<>();
        for (final String line : TextFeeder.LINES)
        {
            for (final String word : line.split(" "))
            {
                expected.merge(word, 1L, Long::sum);
            }
        }
        try (TextFeeder feeder = new TextFeeder(0, TextFeeder.LINES, 1_000, TextFeeder.LINES.size()).start();
             StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final CollectedOutput<Pair<String, Long>> counts = driver.collect(
                NetworkWordCount.wordCounts(driver.context(), feeder.host(), feeder.port()));
            driver.start();
            driver.awaitReceived(TextFeeder.LINES.size());
            driver.advance(1);
            final Map<String, Long> actual = new HashMap<>();
            for (final Pair<String, Long> pair : counts.batches().get(0))
            {
                actual.put(pair.key(), pair.value());
            }
            assertEquals(expected, actual);
            assertEquals(List.of(new io.sluice.api.Time(1000)), counts.times());
        }
    }
}

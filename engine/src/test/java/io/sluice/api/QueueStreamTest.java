package io.sluice.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.conformance.ConformanceCases;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The queueStream conformance cases (InputStreamsSuite), plus the default batch. */
public class QueueStreamTest
{
    private static List<String> items(final JsonNode spec)
    {
        final List<String> items = new ArrayList<>();
        spec.get("params").get("items").forEach(v -> items.add(v.asText()));
        return items;
    }

    private static List<List<String>> expected(final JsonNode spec)
    {
        final List<List<String>> expected = new ArrayList<>();
        spec.get("expected").forEach(batch ->
        {
            final List<String> values = new ArrayList<>();
            batch.forEach(v -> values.add(v.asText()));
            expected.add(values);
        });
        return expected;
    }

    private static List<List<String>> nonEmpty(final List<List<String>> batches)
    {
        return batches.stream().filter(b -> !b.isEmpty()).toList();
    }

    @Test
    @DisplayName("queue input stream - oneAtATime = false")
    void queueInputStreamOneAtATimeFalse()
    {
        final JsonNode spec = ConformanceCases.byName("queue input stream - oneAtATime = false");
        final List<String> items = items(spec);
        final Queue<Collection<String>> queue = new ConcurrentLinkedQueue<>();
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final CollectedOutput<String> out = driver.collect(driver.context().queueStream(queue, false));
            driver.start();
            items.subList(0, 3).forEach(item -> queue.add(List.of(item)));
            driver.advance(1);
            items.subList(3, 5).forEach(item -> queue.add(List.of(item)));
            driver.advance(1);
            assertEquals(expected(spec), nonEmpty(out.batches()));
        }
    }

    @Test
    @DisplayName("queue input stream - oneAtATime = true")
    void queueInputStreamOneAtATimeTrue()
    {
        final JsonNode spec = ConformanceCases.byName("queue input stream - oneAtATime = true");
        final List<String> items = items(spec);
        final Queue<Collection<String>> queue = new ConcurrentLinkedQueue<>();
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final CollectedOutput<String> out = driver.collect(driver.context().queueStream(queue, true));
            driver.start();
            int next = 0;
            for (int i = 0; i < items.size(); i++)
            {
                for (int k = 0; k < 2 && next < items.size(); k++)
                {
                    queue.add(List.of(items.get(next++)));
                }
                driver.advance(1);
            }
            assertEquals(expected(spec), nonEmpty(out.batches()));
        }
    }

    @Test
    void emptyQueueGivesTheDefaultBatch()
    {
        final Queue<Collection<String>> queue = new ConcurrentLinkedQueue<>();
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final CollectedOutput<String> out = driver.collect(driver.context().queueStream(queue, true, List.of("d")));
            driver.start();
            queue.add(List.of("q"));
            driver.advance(2);
            assertEquals(List.of(List.of("q"), List.of("d")), out.batches());
        }
    }
}

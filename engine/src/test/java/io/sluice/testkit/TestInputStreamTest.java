package io.sluice.testkit;

import io.sluice.api.Pair;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The testkit's input fed after start, batch by batch, and fast-path streams collected without boxed(). */
class TestInputStreamTest
{
    @Test
    void whatIsPipedBeforeAnAdvanceIsThatBatch()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final TestInputStream<String> words = driver.createInputStream();
            final CollectedOutput<Pair<String, Long>> counts = driver.collect(words.stream()
                .mapToPair(w -> Pair.of(w, 1L)).reduceByKey(Long::sum));
            final CollectedOutput<Long> lengths = driver.collect(words.stream().mapToLong(String::length));
            driver.start();

            words.pipeInput("a");
            words.pipeInputList(List.of("bb", "a"));
            driver.advance(1);
            driver.advance(1);   // nothing piped: an empty batch
            words.pipeInput("ccc");
            driver.advance(1);

            assertEquals(List.of(List.of(Pair.of("a", 2L), Pair.of("bb", 1L)), List.of(), List.of(Pair.of("ccc", 1L))),
                counts.batches());
            assertEquals(List.of(1000L, 2000L, 3000L), counts.times().stream().map(t -> t.milliseconds()).toList());
            assertEquals(List.of(List.of(1L, 2L, 1L), List.of(), List.of(3L)), lengths.batches(),
                "a fast-path LongDStream, collected without boxed()");
        }
    }
}

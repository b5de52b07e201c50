package io.sluice.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.conformance.ConformanceCases;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The word-count operators on the testkit: map, flatMap, filter, mapToPair, reduceByKey, count. */
public class WordCountTest
{
    @Test
    void countsWordsPerBatchAndKeepsFirstAppearanceOrder()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final DStream<String> lines = driver.input(List.of(List.of("to be or", "not to be"), List.of(), List.of("be")));
            final PairDStream<String, Long> counts = lines.flatMap(line -> Arrays.asList(line.split(" ")))
                .filter(word -> !word.isEmpty()).mapToPair(word -> Pair.of(word, 1L)).reduceByKey(Long::sum);
            final CollectedOutput<Pair<String, Long>> out = driver.collect(counts);
            final CollectedOutput<Long> words = driver.collect(lines.flatMap(line -> Arrays.asList(line.split(" "))).count());
            driver.start();
            driver.advance(3);
            assertEquals(List.of(
                List.of(Pair.of("to", 2L), Pair.of("be", 2L), Pair.of("or", 1L), Pair.of("not", 1L)),
                List.of(),
                List.of(Pair.of("be", 1L))), out.batches());
            assertEquals(List.of(List.of(6L), List.of(0L), List.of(1L)), words.batches());
            assertEquals(List.of(new Time(1000), new Time(2000), new Time(3000)), out.times());
        }
    }

    @Test
    @DisplayName("count")
    void count()
    {
        final JsonNode spec = ConformanceCases.byName("count");
        final List<List<Integer>> input = new ArrayList<>();
        spec.get("input").forEach(b ->
        {
            final List<Integer> batch = new ArrayList<>();
            b.forEach(v -> batch.add(v.asInt()));
            input.add(batch);
        });
        final List<List<Long>> expected = new ArrayList<>();
        spec.get("expected").forEach(b -> expected.add(List.of(b.get(0).asLong())));
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final CollectedOutput<Long> out = driver.collect(driver.input(input, spec.get("params").get("inputPartitions").asInt()).count());
            driver.start();
            driver.advance(expected.size());
            assertEquals(expected, out.batches());
        }
    }

    @Test
    void testPairReduceByKey()
    {
        final JsonNode spec = ConformanceCases.byName("testPairReduceByKey");
        final List<List<Pair<String, Integer>>> input = new ArrayList<>();
        spec.get("input").forEach(b ->
        {
            final List<Pair<String, Integer>> batch = new ArrayList<>();
            b.forEach(p -> batch.add(Pair.of(p.get(0).asText(), p.get(1).asInt())));
            input.add(batch);
        });
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final DStream<Pair<String, Integer>> in = driver.input(input);
            final CollectedOutput<Pair<String, Integer>> out = driver.collect(
                in.mapToPair(p -> p).reduceByKey(Integer::sum));
            driver.start();
            driver.advance(input.size());
            // Spark's expected order is its HashPartitioner(2) order; Sluice's contract is first appearance. Compare
            // each batch as a multiset (README, "Ordering").
            final List<Map<String, Integer>> expected = new ArrayList<>();
            spec.get("expected").forEach(b ->
            {
                final Map<String, Integer> batch = new HashMap<>();
                b.forEach(p -> batch.put(p.get(0).asText(), p.get(1).asInt()));
                expected.add(batch);
            });
            final List<Map<String, Integer>> actual = new ArrayList<>();
            for (final List<Pair<String, Integer>> batch : out.batches())
            {
                final Map<String, Integer> m = new HashMap<>();
                batch.forEach(p -> assertEquals(null, m.put(p.key(), p.value())));
                actual.add(m);
            }
            assertEquals(expected, actual);
        }
    }
}

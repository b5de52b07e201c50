package io.sluice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.DStream;
import io.sluice.api.Pair;
import io.sluice.api.PairDStream;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Replays one data case of the Spark corpus on the testkit, as Spark's {@code TestSuiteBase.testOperation} does:
 * inputs from {@code input}/{@code input2}/{@code input3} cut into {@code params.inputPartitions} partitions, the clock
 * advanced {@code numBatches} batches, the exact number of output batches checked, then each batch compared.
 *
 * <p>Values: JSON ints become {@link Integer}, strings {@link String}, 2-element arrays {@link Pair}s, a {@code null}
 * batch no batch at all. To compare, output is turned back into the corpus encoding: pairs become 2-element lists,
 * {@link Optional} its value or {@code null}, every integral number a {@link Long}.
 *
 * <p>Comparison: {@code ordered: true} → ordered lists, unless the case's notes say the order is Spark's
 * {@code HashPartitioner} order (Sluice's keyed operators emit keys in first-appearance order instead) → multisets;
 * {@code ordered: false} → multisets (Spark compared sets; a multiset is stricter and every case passes it).
 */
final class ConformanceRun implements AutoCloseable
{
    private final JsonNode spec;
    private final StreamingTestDriver driver;
    private final List<DStream<Object>> inputs = new ArrayList<>();

    private ConformanceRun(final JsonNode spec)
    {
        this.spec = spec;
        this.driver = StreamingTestDriver.create(Duration.ofMillis(spec.get("params").path("batchMs").asLong(1000)));
        final int partitions = spec.get("params").path("inputPartitions").asInt(2);
        for (final String field : List.of("input", "input2", "input3"))
        {
            if (spec.hasNonNull(field))
            {
                inputs.add(driver.input(batches(spec.get(field)), partitions));
            }
        }
    }

    static ConformanceRun of(final String caseName)
    {
        return new ConformanceRun(ConformanceCases.byName(caseName));
    }

    JsonNode spec()
    {
        return spec;
    }

    StreamingTestDriver driver()
    {
        return driver;
    }

    /** Input {@code index} (0 = {@code input}, 1 = {@code input2}, ...), its elements cast to {@code T}. */
    @SuppressWarnings("unchecked")
    <T> DStream<T> input(final int index)
    {
        return (DStream<T>)(DStream<?>)inputs.get(index);
    }

    /** Input {@code index} as a pair stream (its elements are the case's 2-element arrays). */
    @SuppressWarnings("unchecked")
    <K, V> PairDStream<K, V> pairInput(final int index)
    {
        return inputs.get(index).mapToPair(element -> (Pair<K, V>)element);
    }

    /** {@code params.numBatches}, else the number of expected batches. */
    int numBatches()
    {
        if (spec.get("params").has("numBatches"))
        {
            return spec.get("params").get("numBatches").asInt();
        }
        return spec.get("expected").size();
    }

    /** Starts, runs {@link #numBatches()} batches and checks {@code output} against the case. */
    void runAndCheck(final DStream<?> output)
    {
        final CollectedOutput<?> collected = driver.collect(output);
        driver.start();
        driver.advance(numBatches());
        check(collected.batches());
    }

    /** Checks collected batches against {@code expected} with the case's comparison rule. */
    void check(final List<? extends List<?>> actual)
    {
        final List<List<Object>> expected = new ArrayList<>();
        spec.get("expected").forEach(batch -> expected.add(plainList(batch)));
        assertEquals(expected.size(), actual.size(), "number of output batches of " + spec.get("name").asText());
        final boolean isOrdered = spec.get("ordered").asBoolean()
            && !spec.path("notes").asText().contains("HashPartitioner");
        for (int i = 0; i < expected.size(); i++)
        {
            final List<Object> got = plainList(actual.get(i));
            if (isOrdered)
            {
                assertEquals(expected.get(i), got, "batch " + i);
            }
            else
            {
                assertEquals(multiset(expected.get(i)), multiset(got), "batch " + i + " (as multisets)");
            }
        }
    }

    /** The corpus's comparison as sets, for cases whose output Spark compared as a set of distinct values. */
    static Set<Object> set(final List<?> batch)
    {
        return new HashSet<>(plainList(batch));
    }

    private static Map<Object, Integer> multiset(final List<Object> batch)
    {
        final Map<Object, Integer> counts = new HashMap<>();
        for (final Object element : batch)
        {
            counts.merge(element, 1, Integer::sum);
        }
        return counts;
    }

    private static List<List<Object>> batches(final JsonNode json)
    {
        final List<List<Object>> batches = new ArrayList<>();
        for (final JsonNode batch : json)
        {
            if (batch.isNull())
            {
                batches.add(null);
                continue;
            }
            final List<Object> elements = new ArrayList<>();
            batch.forEach(element -> elements.add(inputValue(element)));
            batches.add(elements);
        }
        return batches;
    }

    private static Object inputValue(final JsonNode json)
    {
        if (json.isArray() && json.size() == 2)
        {
            return Pair.of(inputValue(json.get(0)), inputValue(json.get(1)));
        }
        if (json.isIntegralNumber())
        {
            return json.asInt();
        }
        if (json.isTextual())
        {
            return json.asText();
        }
        throw new IllegalArgumentException("unsupported input value " + json);
    }

    private static List<Object> plainList(final JsonNode json)
    {
        final List<Object> out = new ArrayList<>();
        json.forEach(element -> out.add(plain(element)));
        return out;
    }

    private static Object plain(final JsonNode json)
    {
        if (json.isNull())
        {
            return null;
        }
        if (json.isArray())
        {
            return plainList(json);
        }
        if (json.isIntegralNumber())
        {
            return json.asLong();
        }
        if (json.isFloatingPointNumber())
        {
            return json.asDouble();
        }
        return json.asText();
    }

    static List<Object> plainList(final List<?> values)
    {
        final List<Object> out = new ArrayList<>(values.size());
        for (final Object value : values)
        {
            out.add(plain(value));
        }
        return out;
    }

    private static Object plain(final Object value)
    {
        if (value instanceof Pair<?, ?> pair)
        {
            return Arrays.asList(plain(pair.key()), plain(pair.value()));
        }
        if (value instanceof Optional<?> optional)
        {
            return optional.map(ConformanceRun::plain).orElse(null);
        }
        if (value instanceof List<?> list)
        {
            return plainList(list);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte)
        {
            return ((Number)value).longValue();
        }
        if (value instanceof Float)
        {
            return ((Float)value).doubleValue();
        }
        return value;
    }

    @Override
    public void close()
    {
        driver.close();
    }
}

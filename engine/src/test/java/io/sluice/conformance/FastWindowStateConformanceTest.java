package io.sluice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.DStream;
import io.sluice.api.LongDStream;
import io.sluice.api.LongLongPairDStream;
import io.sluice.api.LongMapWithStateDStream;
import io.sluice.api.LongStateSpec;
import io.sluice.api.Pair;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spark's window and state cases (as in {@link WindowConformanceTest} and {@link StateConformanceTest}) through the
 * fast path's windowed and stateful operators on long keys: each case's string keys become longs (numbered in order
 * of first appearance) on the way in and strings again on the way out. Batches are compared with Spark's expected
 * output as multisets: Spark's order comes from HashPartitioner(2), which is not Sluice's contract. The fast path's
 * order (the generic twin's, element for element) is checked by {@code FastWindowStateApiTest},
 * {@code FastWindowEquivalenceTest} and {@code FastStateEquivalenceTest}.
 */
class FastWindowStateConformanceTest
{
    /** String keys as longs, both ways. */
    private static final class Keys
    {
        private final HashMap<String, Long> ids = new HashMap<>();
        private final List<String> names = new ArrayList<>();

        long id(final String key)
        {
            return ids.computeIfAbsent(key, k ->
            {
                names.add(k);
                return (long)names.size() - 1;
            });
        }

        String name(final long id)
        {
            return names.get((int)id);
        }
    }

    private static Duration ms(final JsonNode spec, final String param)
    {
        return Duration.ofMillis(CaseData.param(spec, param));
    }

    private static <T> void assertMultisets(final List<List<T>> expected, final List<List<T>> actual)
    {
        assertEquals(expected.size(), actual.size(), () -> "number of output batches; got " + actual);
        for (int i = 0; i < expected.size(); i++)
        {
            final int index = i;
            assertEquals(CaseData.multiset(expected.get(i)), CaseData.multiset(actual.get(i)),
                () -> "batch " + index + ": expected " + expected.get(index) + ", got " + actual.get(index));
        }
    }

    private static List<List<Pair<String, Long>>> named(final Keys keys, final List<List<Pair<Long, Long>>> batches)
    {
        final List<List<Pair<String, Long>>> out = new ArrayList<>();
        for (final List<Pair<Long, Long>> batch : batches)
        {
            final List<Pair<String, Long>> named = new ArrayList<>();
            batch.forEach(p -> named.add(Pair.of(keys.name(p.key()), p.value())));
            out.add(named);
        }
        return out;
    }

    /** A (String, Integer)-pair case through a fast pair operator. */
    private static void runPairCase(final String name, final Function<JsonNode, Function<LongLongPairDStream,
        LongLongPairDStream>> op)
    {
        final JsonNode spec = ConformanceCases.byName(name);
        final Keys keys = new Keys();
        try (StreamingTestDriver driver = StreamingTestDriver.create(ms(spec, "batchMs")))
        {
            final DStream<Pair<String, Integer>> in = driver.input(
                CaseData.batches(spec.get("input"), CaseData::stringInt), CaseData.param(spec, "inputPartitions"));
            final CollectedOutput<Pair<Long, Long>> out = driver.collect(op.apply(spec)
                .apply(in.mapToLongPair(p -> keys.id(p.key()), p -> p.value())).boxed());
            driver.start();
            driver.advance(CaseData.numBatches(spec));
            assertMultisets(CaseData.batches(spec.get("expected"), CaseData::stringLong), named(keys, out.batches()));
        }
    }

    @Test
    @DisplayName("reduceByKeyAndWindow (fast, no inverse) - basic reduction, key already in window, new key, testReduceByKeyAndWindow")
    void reduceByKeyAndWindowWithoutInverse()
    {
        for (final String name : List.of("reduceByKeyAndWindow - basic reduction",
            "reduceByKeyAndWindow - key already in window and new value added into window",
            "reduceByKeyAndWindow - new key added into window", "testReduceByKeyAndWindow"))
        {
            runPairCase(name, spec -> in -> in.reduceByKeyAndWindow(Long::sum, ms(spec, "windowMs"),
                ms(spec, "slideMs")));
        }
    }

    @Test
    @DisplayName("reduceByKeyAndWindow with inverse function (fast) - all four cases")
    void reduceByKeyAndWindowWithInverse()
    {
        for (final String name : List.of(
            "reduceByKeyAndWindow with inverse function - key already in window and new value added into window",
            "reduceByKeyAndWindow with inverse function - new key added into window",
            "reduceByKeyAndWindow with inverse function - key removed from window",
            "reduceByKeyAndWindow with inverse function - big test"))
        {
            runPairCase(name, spec -> in -> in.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, ms(spec, "windowMs"),
                ms(spec, "slideMs")).checkpoint(ms(spec, "checkpointMs")));
        }
    }

    @Test
    @DisplayName("reduceByKeyAndWindow with inverse and filter functions - big test (fast)")
    void reduceByKeyAndWindowWithInverseAndFilter()
    {
        runPairCase("reduceByKeyAndWindow with inverse and filter functions - big test", spec -> in ->
            in.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, ms(spec, "windowMs"), ms(spec, "slideMs"),
                (k, v) -> v != 0).persist().checkpoint(ms(spec, "checkpointMs")));
    }

    /** An integer-input case through a fast LongDStream operator. */
    private static void runLongCase(final String name, final Function<JsonNode, Function<LongDStream, LongDStream>> op)
    {
        final JsonNode spec = ConformanceCases.byName(name);
        try (StreamingTestDriver driver = StreamingTestDriver.create(ms(spec, "batchMs")))
        {
            final DStream<Integer> in = driver.input(CaseData.batches(spec.get("input"), CaseData::integer),
                CaseData.param(spec, "inputPartitions"));
            final CollectedOutput<Long> out = driver.collect(op.apply(spec).apply(in.mapToLong(x -> x)).boxed());
            driver.start();
            driver.advance(CaseData.numBatches(spec));
            assertMultisets(CaseData.batches(spec.get("expected"), CaseData::longValue), out.batches());
        }
    }

    @Test
    @DisplayName("countByWindow, testReduceByWindowWithoutInverse, testReduceByWindowWithInverse (fast)")
    void longWindows()
    {
        runLongCase("countByWindow", spec -> in -> in.countByWindow(ms(spec, "windowMs"), ms(spec, "slideMs")));
        runLongCase("testReduceByWindowWithoutInverse", spec -> in -> in.reduceByWindow(Long::sum,
            ms(spec, "windowMs"), ms(spec, "slideMs")));
        runLongCase("testReduceByWindowWithInverse", spec -> in -> in.reduceByWindow(Long::sum, (a, b) -> a - b,
            ms(spec, "windowMs"), ms(spec, "slideMs")));
    }

    @Test
    @DisplayName("testUpdateStateByKey (fast)")
    void testUpdateStateByKey()
    {
        runPairCase("testUpdateStateByKey", spec -> in -> in.updateStateByKey((key, values, state) ->
            state.update((state.exists() ? state.get() : 0) + values.sum())));
    }

    @Test
    @DisplayName("updateStateByKey - object lifecycle (fast: the counter and the expire counter packed in one long)")
    void updateStateByKeyObjectLifecycle()
    {
        final JsonNode spec = ConformanceCases.byName("updateStateByKey - object lifecycle");
        final Keys keys = new Keys();
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final DStream<String> in = driver.input(CaseData.batches(spec.get("input"), CaseData::string),
                CaseData.param(spec, "inputPartitions"));
            final LongLongPairDStream state = in.mapToLongPair(keys::id, x -> 1).updateStateByKey((key, values, s) ->
            {
                long counter = s.exists() ? s.get() >> 8 : 0;
                long expire = s.exists() ? s.get() & 0xFF : 0;
                final long sum = values.sum();
                if (sum == 0)
                {
                    expire++;
                }
                else
                {
                    counter += sum;
                    expire = 0;
                }
                if (expire == 2)
                {
                    if (s.exists())
                    {
                        s.remove();
                    }
                }
                else
                {
                    s.update(counter << 8 | expire);
                }
            });
            final CollectedOutput<Pair<Long, Long>> out = driver.collect(state.boxed());
            driver.start();
            driver.advance(CaseData.numBatches(spec));
            final List<List<Pair<Long, Long>>> counters = new ArrayList<>();
            out.batches().forEach(b ->
            {
                final List<Pair<Long, Long>> c = new ArrayList<>();
                b.forEach(p -> c.add(Pair.of(p.key(), p.value() >> 8)));
                counters.add(c);
            });
            assertMultisets(CaseData.batches(spec.get("expected"), CaseData::stringLong), named(keys, counters));
        }
    }

    /** A mapWithState case with preMap x -> (x, 1) and a running sum: mapped values and snapshots. */
    private static void runMapWithState(final String name)
    {
        final JsonNode spec = ConformanceCases.byName(name);
        final Keys keys = new Keys();
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final DStream<String> in = driver.input(CaseData.batches(spec.get("input"), CaseData::string),
                CaseData.param(spec, "inputPartitions"));
            final LongMapWithStateDStream mapped = in.mapToLongPair(keys::id, x -> 1).mapWithState(
                (key, hasValue, value, state) ->
                {
                    final long sum = value + (state.exists() ? state.get() : 0);
                    state.update(sum);
                    return sum;
                });
            final CollectedOutput<Long> out = driver.collect(mapped.mapped().boxed());
            final CollectedOutput<Pair<Long, Long>> snapshots = driver.collect(mapped.stateSnapshots().boxed());
            driver.start();
            driver.advance(CaseData.numBatches(spec));
            assertMultisets(CaseData.batches(spec.get("expected"), CaseData::longValue), out.batches());
            assertMultisets(CaseData.batches(spec.get("expectedStateSnapshots"), CaseData::stringLong),
                named(keys, snapshots.batches()));
        }
    }

    @Test
    @DisplayName("mapWithState - basic operations with simple API (fast)")
    void mapWithStateBasicOperations()
    {
        runMapWithState("mapWithState - basic operations with simple API");
    }

    @Test
    @DisplayName("updateStateByKey - with initial value RDD (fast)")
    void updateStateByKeyWithInitialValue()
    {
        final JsonNode spec = ConformanceCases.byName("updateStateByKey - with initial value RDD");
        final Keys keys = new Keys();
        final LinkedHashMap<Long, Long> initial = new LinkedHashMap<>();
        spec.get("params").get("initialState").forEach(p -> initial.put(keys.id(p.get(0).asText()), p.get(1).asLong()));
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final DStream<String> in = driver.input(CaseData.batches(spec.get("input"), CaseData::string),
                CaseData.param(spec, "inputPartitions"));
            final CollectedOutput<Pair<Long, Long>> out = driver.collect(in.mapToLongPair(keys::id, x -> 1)
                .updateStateByKey((key, values, state) -> state.update(values.sum() + (state.exists() ? state.get() : 0)),
                    initial).boxed());
            driver.start();
            driver.advance(CaseData.numBatches(spec));
            assertMultisets(CaseData.batches(spec.get("expected"), CaseData::stringLong), named(keys, out.batches()));
        }
    }

    @Test
    @DisplayName("mapWithState - initial states, with nothing returned as from mapping function (fast: snapshots)")
    void mapWithStateInitialStates()
    {
        final JsonNode spec = ConformanceCases.byName(
            "mapWithState - initial states, with nothing returned as from mapping function");
        final Keys keys = new Keys();
        final LinkedHashMap<Long, Long> initial = new LinkedHashMap<>();
        spec.get("params").get("initialState").forEach(p -> initial.put(keys.id(p.get(0).asText()), p.get(1).asLong()));
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final DStream<String> in = driver.input(CaseData.batches(spec.get("input"), CaseData::string),
                CaseData.param(spec, "inputPartitions"));
            final LongMapWithStateDStream mapped = in.mapToLongPair(keys::id, x -> 1).mapWithState(
                LongStateSpec.function((key, hasValue, value, state) ->
                {
                    state.update(value + (state.exists() ? state.get() : 0));
                    return 0;
                }).initialState(initial));
            final CollectedOutput<Pair<Long, Long>> snapshots = driver.collect(mapped.stateSnapshots().boxed());
            driver.start();
            driver.advance(CaseData.numBatches(spec));
            assertMultisets(CaseData.batches(spec.get("expectedStateSnapshots"), CaseData::stringLong),
                named(keys, snapshots.batches()));
        }
    }

    @Test
    @DisplayName("mapWithState - state timing out (fast)")
    void mapWithStateStateTimingOut()
    {
        final JsonNode spec = ConformanceCases.byName("mapWithState - state timing out");
        final Keys keys = new Keys();
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final DStream<String> in = driver.input(CaseData.batches(spec.get("input"), CaseData::string),
                CaseData.param(spec, "inputPartitions"));
            final LongMapWithStateDStream mapped = in.mapToLongPair(keys::id, x -> 1).mapWithState(
                LongStateSpec.function((key, hasValue, value, state) ->
                {
                    if (hasValue)
                    {
                        state.update(1);
                    }
                    return state.isTimingOut() ? key : -1;
                }).timeout(Duration.ofMillis(CaseData.param(spec, "timeoutMs"))));
            final CollectedOutput<Long> out = driver.collect(mapped.mapped().filter(k -> k >= 0).boxed());
            final CollectedOutput<Pair<Long, Long>> snapshots = driver.collect(mapped.stateSnapshots().boxed());
            driver.start();
            driver.advance(CaseData.param(spec, "numBatches"));
            final JsonNode assertions = spec.get("assertions");
            final List<String> flattened = new ArrayList<>();
            out.batches().forEach(b -> b.forEach(k -> flattened.add(keys.name(k))));
            flattened.sort(null);
            final List<String> expectedOut = new ArrayList<>();
            assertions.get("flattenedSortedOutputs").forEach(k -> expectedOut.add(k.asText()));
            assertEquals(expectedOut, flattened);
            final List<List<Pair<String, Long>>> all = named(keys, snapshots.batches());
            final var some = CaseData.multiset(CaseData.elements(assertions.get("someSnapshotEquals"),
                CaseData::stringLong));
            assertTrue(all.stream().anyMatch(b -> CaseData.multiset(b).equals(some)),
                () -> "some snapshot equals " + some + ": " + all);
            assertEquals(CaseData.multiset(CaseData.elements(assertions.get("lastSnapshotEquals"),
                CaseData::stringLong)), CaseData.multiset(all.get(all.size() - 1)));
        }
    }
}

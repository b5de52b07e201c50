package io.sluice.api;

import io.sluice.internal.memory.OffHeapLeakCheck;
import io.sluice.internal.state.PairColumns;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The windowed and stateful fast-path operators, through the public API and the scheduler, give the same batches as
 * their generic twins on the same input, element for element in the same order (the ordering contract): both run
 * in one context, side by side.
 * Off-heap memory is back to where it started once the context stops.
 */
@ExtendWith(OffHeapLeakCheck.class)
class FastWindowStateApiTest
{
    private static final Duration BATCH = Duration.ofSeconds(1);
    private static final int BATCHES = 30;

    private static List<List<Pair<Long, Long>>> input(final long seed)
    {
        final List<List<Pair<Long, Long>>> batches = PairColumns.randomBatches(seed, BATCHES, 8, 6);
        batches.set(3, null);
        batches.set(BATCHES - 6, List.of());
        return batches;
    }

    /**
     * Runs {@code generic} and {@code fast} on the same input in one context, batch by batch when {@code isStepwise},
     * else all at once; returns both outputs as emitted (the ordering contract makes them equal element for element).
     */
    private static List<List<List<Pair<Long, Long>>>> sideBySide(final List<List<Pair<Long, Long>>> input,
        final boolean isStepwise, final Function<PairDStream<Long, Long>, DStream<Pair<Long, Long>>> generic,
        final Function<LongLongPairDStream, PairDStream<Long, Long>> fast)
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH))
        {
            final DStream<Pair<Long, Long>> in = driver.input(input);
            final CollectedOutput<Pair<Long, Long>> genericOut = driver.collect(generic.apply(in.mapToPair(p -> p)));
            final CollectedOutput<Pair<Long, Long>> fastOut = driver.collect(fast.apply(
                in.mapToLongPair(Pair::key, Pair::value)));
            driver.start();
            if (isStepwise)
            {
                for (int b = 0; b < BATCHES; b++)
                {
                    driver.advance(1);
                }
            }
            else
            {
                driver.advance(BATCHES);
            }
            assertEquals(genericOut.times(), fastOut.times(), "the same batch times");
            return List.of(genericOut.batches(), fastOut.batches());
        }
    }

    @ParameterizedTest(name = "window {0} slide {1} (batches)")
    @CsvSource({"3,1", "4,2", "2,3", "6,4"})
    void reduceByKeyAndWindowWithAndWithoutInverse(final int windowBatches, final int slideBatches)
    {
        final Duration window = BATCH.multipliedBy(windowBatches);
        final Duration slide = BATCH.multipliedBy(slideBatches);
        final List<List<Pair<Long, Long>>> input = input(windowBatches * 10L + slideBatches);

        List<List<List<Pair<Long, Long>>>> runs = sideBySide(input, false,
            g -> g.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, window, slide),
            f -> f.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, window, slide).boxed());
        assertEquals(runs.get(0), runs.get(1), "with inverse");
        assertTrue(runs.get(0).stream().anyMatch(b -> b.stream().anyMatch(p -> p.value() == 0)),
            "some key decayed to zero and is still emitted");

        runs = sideBySide(input, true,
            g -> g.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, window, slide, (k, v) -> v != 0),
            f -> f.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, window, slide, (k, v) -> v != 0).boxed());
        assertEquals(runs.get(0), runs.get(1), "with inverse and filter");

        runs = sideBySide(input, true, g -> g.reduceByKeyAndWindow(Long::sum, window, slide),
            f -> f.reduceByKeyAndWindow(Long::sum, window, slide).boxed());
        assertEquals(runs.get(0), runs.get(1), "without inverse");
    }

    @ParameterizedTest(name = "stepwise {0}")
    @CsvSource({"false", "true"})
    void updateStateByKeyCallsEveryKeyEveryBatch(final boolean isStepwise)
    {
        final List<List<Pair<Long, Long>>> input = input(5);
        input.set(0, null);
        final List<List<List<Pair<Long, Long>>>> runs = sideBySide(input, isStepwise,
            g -> g.updateStateByKey((List<Long> values, Optional<Long> state) ->
            {
                final long s = state.orElse(0L) + values.size() + 1;
                return s > 12 ? Optional.empty() : Optional.of(s);
            }),
            f -> f.updateStateByKey((key, values, state) ->
            {
                final long s = (state.exists() ? state.get() : 0) + values.size() + 1;
                if (s > 12)
                {
                    if (state.exists())
                    {
                        state.remove();
                    }
                }
                else
                {
                    state.update(s);
                }
            }).boxed());
        assertEquals(runs.get(0), runs.get(1));
    }

    @Test
    void updateStateByKeyWithAnInitialStateListsItFirstInTheMapsOrder()
    {
        final List<List<Pair<Long, Long>>> input = PairColumns.randomBatches(21, BATCHES, 300, 40);
        input.set(0, null);
        final Map<Long, Long> initial = new HashMap<>();
        for (long key = 500; key > 200; key -= 7)
        {
            initial.put(key, key % 5);
        }
        final List<List<List<Pair<Long, Long>>>> runs = sideBySide(input, false,
            g -> g.updateStateByKey((List<Long> values, Optional<Long> state) ->
            {
                final long s = state.orElse(0L) + values.size() + 1;
                return s % 9 == 0 ? Optional.empty() : Optional.of(s);
            }, initial),
            f -> f.updateStateByKey((key, values, state) ->
            {
                final long s = (state.exists() ? state.get() : 0) + values.size() + 1;
                if (s % 9 == 0)
                {
                    if (state.exists())
                    {
                        state.remove();
                    }
                }
                else
                {
                    state.update(s);
                }
            }, initial).boxed());
        assertEquals(runs.get(0), runs.get(1));
        final List<Long> firstKeys = runs.get(1).get(0).stream().map(Pair::key).toList();
        final List<Long> keptInitial = initial.keySet().stream().filter(firstKeys::contains).toList();
        assertTrue(keptInitial.size() > initial.size() / 2, "most initial keys survive the first batch");
        assertEquals(keptInitial, firstKeys.subList(0, keptInitial.size()), "the initial keys first, in the map's order");
    }

    @Test
    void mapWithStateMappedAndSnapshotsWithTimeouts()
    {
        final List<List<Pair<Long, Long>>> input = input(9);
        for (int b = 12; b < BATCHES; b++)
        {
            final List<Pair<Long, Long>> onlySome = new ArrayList<>();
            if (input.get(b) != null)
            {
                input.get(b).stream().filter(p -> p.key() < 2).forEach(onlySome::add);
            }
            input.set(b, onlySome);
        }
        final Duration timeout = Duration.ofSeconds(3);
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH))
        {
            final DStream<Pair<Long, Long>> in = driver.input(input);
            final MapWithStateDStream<Long, Long, Long, Long> generic = in.mapToPair(p -> p).mapWithState(
                StateSpec.function((Long key, Optional<Long> value, State<Long> state) ->
                {
                    if (state.isTimingOut())
                    {
                        return -100 - key;
                    }
                    state.update(state.getOption().orElse(0L) + value.orElseThrow());
                    return state.get();
                }).timeout(timeout));
            final LongMapWithStateDStream fast = in.mapToLongPair(Pair::key, Pair::value).mapWithState(
                LongStateSpec.function((key, hasValue, value, state) ->
                {
                    if (state.isTimingOut())
                    {
                        return -100 - key;
                    }
                    state.update((state.exists() ? state.get() : 0) + value);
                    return state.get();
                }).timeout(timeout));
            final CollectedOutput<Long> genericMapped = driver.collect(generic);
            final CollectedOutput<Pair<Long, Long>> genericSnapshots = driver.collect(generic.stateSnapshots());
            final CollectedOutput<Long> fastMapped = driver.collect(fast.mapped().boxed());
            final CollectedOutput<Pair<Long, Long>> fastSnapshots = driver.collect(fast.stateSnapshots().boxed());
            driver.start();
            driver.advance(BATCHES);
            assertEquals(genericMapped.batches(), fastMapped.batches());
            assertEquals(genericSnapshots.batches(), fastSnapshots.batches());
            assertTrue(fastMapped.batches().stream().flatMap(List::stream).anyMatch(v -> v <= -100),
                "some key timed out");
        }
    }

    @Test
    void stateSnapshotsAskedForTwiceGiveTheSameBatchesToBothReaders()
    {
        final List<List<Pair<Long, Long>>> input = input(9);
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH))
        {
            final DStream<Pair<Long, Long>> in = driver.input(input);
            final MapWithStateDStream<Long, Long, Long, Long> generic = in.mapToPair(p -> p).mapWithState(
                StateSpec.function((Long key, Optional<Long> value, State<Long> state) ->
                {
                    state.update(state.getOption().orElse(0L) + value.orElseThrow());
                    return state.get();
                }));
            final LongMapWithStateDStream fast = in.mapToLongPair(Pair::key, Pair::value).mapWithState(
                (key, hasValue, value, state) ->
                {
                    state.update((state.exists() ? state.get() : 0) + value);
                    return state.get();
                });
            final StringLongPairDStream words = TextDStream.of(in.map(p -> "k" + p.key())).countByValue();
            final StringMapWithStateDStream text = words.mapWithState((key, hasValue, value, state) ->
            {
                state.update((state.exists() ? state.get() : 0) + value);
                return state.get();
            });
            final CollectedOutput<Pair<Long, Long>> genericSnapshots = driver.collect(generic.stateSnapshots());
            final CollectedOutput<Pair<Long, Long>> genericAgain = driver.collect(generic.stateSnapshots());
            final CollectedOutput<Pair<Long, Long>> first = driver.collect(fast.stateSnapshots().boxed());
            final CollectedOutput<Pair<Long, Long>> second = driver.collect(fast.stateSnapshots().boxed());
            final CollectedOutput<Pair<String, Long>> textFirst = driver.collect(text.stateSnapshots().boxed());
            final CollectedOutput<Pair<String, Long>> textSecond = driver.collect(text.stateSnapshots().boxed());
            driver.start();
            driver.advance(BATCHES);
            assertEquals(genericSnapshots.batches(), genericAgain.batches());
            assertEquals(genericSnapshots.batches(), first.batches());
            assertEquals(first.batches(), second.batches());
            assertEquals(textFirst.batches(), textSecond.batches());
            assertTrue(textSecond.batches().stream().anyMatch(b -> !b.isEmpty()), "text state built up");
        }
    }

    @Test
    void reduceByWindowAndCountByWindowOnLongs()
    {
        final List<List<Long>> input = new ArrayList<>();
        input.add(List.of());
        input.add(List.of());
        for (int b = 2; b < 14; b++)
        {
            input.add(b % 5 == 0 ? List.of() : List.of((long)b, (long)b * 3, 1L));
        }
        final Duration window = BATCH.multipliedBy(3);
        final Duration slide = BATCH.multipliedBy(2);
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH))
        {
            final DStream<Long> in = driver.input(input);
            final LongDStream fast = in.mapToLong(x -> x);
            final List<CollectedOutput<Long>> outs = List.of(
                driver.collect(in.countByWindow(window, slide)),
                driver.collect(fast.countByWindow(window, slide).boxed()),
                driver.collect(in.reduceByWindow(Long::sum, window, slide)),
                driver.collect(fast.reduceByWindow(Long::sum, window, slide).boxed()),
                driver.collect(in.reduceByWindow(Long::sum, (a, b) -> a - b, window, slide)),
                driver.collect(fast.reduceByWindow(Long::sum, (a, b) -> a - b, window, slide).boxed()));
            driver.start();
            driver.advance(20);
            for (int i = 0; i < outs.size(); i += 2)
            {
                assertEquals(outs.get(i).batches(), outs.get(i + 1).batches(), "pair " + i / 2);
                assertEquals(outs.get(i).times(), outs.get(i + 1).times(), "pair " + i / 2);
            }
            assertEquals(List.of(), outs.get(1).batches().get(0), "countByWindow: nothing before the first element");
            assertEquals(List.of(0L), outs.get(1).batches().get(outs.get(1).batches().size() - 1),
                "countByWindow: 0 once every element has left");
        }
    }

    @Test
    void incrementalWindowsAndStateNeedACheckpointDirectory()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, (Path)null))
        {
            final LongLongPairDStream pairs = driver.<Pair<Long, Long>>input(List.of())
                .mapToLongPair(Pair::key, Pair::value);
            driver.collect(pairs.updateStateByKey((k, v, s) -> s.update(1)).boxed());
            final IllegalArgumentException error = assertThrows(IllegalArgumentException.class, driver::start);
            assertTrue(error.getMessage().contains("The checkpoint directory has not been set"), error.getMessage());
        }
    }
}

package io.sluice.api;

import io.sluice.internal.context.ContextInternals;
import io.sluice.internal.generic.StateImpl;
import io.sluice.internal.graph.Node;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SEMANTICS §17 rules 5, 7, 8, 9 and 10 for updateStateByKey and mapWithState, beyond the Spark cases. */
class StateSemanticsTest
{
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Path NO_CHECKPOINT_DIR = null;

    @Test
    void statefulOperatorsNeedACheckpointDirectoryAtStart()
    {
        final List<Function<PairDStream<String, Integer>, DStream<?>>> operators = List.of(
            in -> in.updateStateByKey((List<Integer> v, Optional<Integer> s) -> s),
            in -> in.mapWithState(StateSpec.function((String k, Optional<Integer> v, State<Integer> s) -> k)),
            in -> in.mapWithState(StateSpec.function((String k, Optional<Integer> v, State<Integer> s) -> k))
                .stateSnapshots());
        for (final Function<PairDStream<String, Integer>, DStream<?>> operator : operators)
        {
            try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND, NO_CHECKPOINT_DIR))
            {
                final DStream<String> in = driver.input(List.of(List.of("a")));
                driver.collect(operator.apply(in.mapToPair(x -> Pair.of(x, 1))));
                final IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, driver::start);
                assertTrue(thrown.getMessage().startsWith("requirement failed: The checkpoint directory has not been "
                    + "set. Please set it by StreamingContext.checkpoint()."), thrown.getMessage());
                assertEquals(StreamingContextState.STOPPED, driver.context().state());
            }
        }
    }

    @Test
    void updateStateByKeyCallsEveryKeyEveryBatchEvenWithoutAParentBatch()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final List<String> calls = Collections.synchronizedList(new ArrayList<>());
            final List<List<String>> input = new ArrayList<>();
            input.add(List.of("a", "b", "a"));
            input.add(null);
            input.add(List.of("b"));
            input.add(List.of());
            final PairDStream<String, Integer> state = driver.input(input).mapToPair(x -> Pair.of(x, 1))
                .updateStateByKey((Time time, String key, List<Integer> values, Optional<Integer> previous) ->
                {
                    calls.add(time.milliseconds() + ":" + key + values + previous.orElse(-1));
                    if (values.isEmpty() && previous.orElse(0) == 1)
                    {
                        return Optional.empty();
                    }
                    return Optional.of(previous.orElse(0) + values.size());
                }, Map.of());
            final CollectedOutput<Pair<String, Integer>> out = driver.collect(state);
            driver.start();
            driver.advance(4);
            assertEquals(List.of("1000:a[1, 1]-1", "1000:b[1]-1", "2000:a[]2", "2000:b[]1", "3000:a[]2", "3000:b[1]-1",
                "4000:a[]2", "4000:b[]1"), calls, "every key, every batch; batch 2 has no parent batch");
            assertEquals(List.of(List.of(Pair.of("a", 2), Pair.of("b", 1)), List.of(Pair.of("a", 2)),
                List.of(Pair.of("a", 2), Pair.of("b", 1)), List.of(Pair.of("a", 2))), out.batches(),
                "the whole state every batch; an empty result removes the key");
        }
    }

    @Test
    void mapWithStateCallsOncePerRecordAndEmitsOnlyReturnedRecords()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final List<String> calls = Collections.synchronizedList(new ArrayList<>());
            final MapWithStateDStream<String, Integer, Integer, String> mapped = driver.input(List.of(
                List.of("a", "a", "b"), List.of(), List.of("a"))).mapToPair(x -> Pair.of(x, 1)).mapWithState(
                StateSpec.function((Time time, String key, Optional<Integer> value, State<Integer> state) ->
                {
                    calls.add(time.milliseconds() + ":" + key + "=" + state);
                    state.update(state.getOption().orElse(0) + value.orElseThrow());
                    return key.equals("a") ? Optional.of(key + state.get()) : Optional.<String>empty();
                }));
            final CollectedOutput<String> out = driver.collect(mapped);
            final CollectedOutput<Pair<String, Integer>> snapshots = driver.collect(mapped.stateSnapshots());
            driver.start();
            driver.advance(3);
            assertEquals(List.of("1000:a=<state not set>", "1000:a=1", "1000:b=<state not set>", "3000:a=2"), calls);
            assertEquals(List.of(List.of("a1", "a2"), List.of(), List.of("a3")), out.batches());
            assertEquals(List.of(List.of(Pair.of("a", 2), Pair.of("b", 1)), List.of(Pair.of("a", 2), Pair.of("b", 1)),
                List.of(Pair.of("a", 3), Pair.of("b", 1))), snapshots.batches());
        }
    }

    @Test
    void mapWithStateProducesEveryBatchEvenWhenTheParentHasNone()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final List<List<String>> input = new ArrayList<>();
            input.add(List.of("a"));
            input.add(null);
            input.add(List.of("a"));
            final MapWithStateDStream<String, Integer, Integer, Integer> mapped = driver.input(input)
                .mapToPair(x -> Pair.of(x, 1)).mapWithState(
                    StateSpec.function((String key, Optional<Integer> value, State<Integer> state) ->
                    {
                        state.update(state.getOption().orElse(0) + value.orElseThrow());
                        return state.get();
                    }));
            final CollectedOutput<Integer> out = driver.collect(mapped);
            final CollectedOutput<Pair<String, Integer>> snapshots = driver.collect(mapped.stateSnapshots());
            driver.start();
            driver.advance(3);
            assertEquals(List.of(List.of(1), List.of(), List.of(2)), out.batches());
            assertEquals(List.of(List.of(Pair.of("a", 1)), List.of(Pair.of("a", 1)), List.of(Pair.of("a", 2))),
                snapshots.batches());
            assertEquals(List.of(new Time(1000), new Time(2000), new Time(3000)), snapshots.times());
        }
    }

    /**
     * Timeout 2 s, checkpoint (and sweep) every batch: "a" stored at 1000 is idle at 4000 (1000 &lt; 4000 - 2000) but
     * not at 3000 (not strictly older); "b" is refreshed by its record at 2000 although the function does not update
     * it, so it times out at 5000. The timeout call has no value and isTimingOut; the key is removed afterwards.
     */
    @Test
    void mapWithStateTimesOutStrictlyOlderKeysRefreshedByAnyRecord()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final List<String> calls = Collections.synchronizedList(new ArrayList<>());
            final MapWithStateDStream<String, Integer, Integer, String> mapped = driver.input(List.of(
                List.of("a", "b"), List.of("b"))).mapToPair(x -> Pair.of(x, 1)).mapWithState(
                StateSpec.function((Time time, String key, Optional<Integer> value, State<Integer> state) ->
                {
                    calls.add(time.milliseconds() + ":" + key + ":" + value.isPresent() + ":" + state.isTimingOut());
                    if (!state.exists())
                    {
                        state.update(1);
                    }
                    return state.isTimingOut() ? Optional.of(key + "@" + time.milliseconds()) : Optional.<String>empty();
                }).timeout(Duration.ofSeconds(2)));
            mapped.checkpoint(SECOND);
            final CollectedOutput<String> out = driver.collect(mapped);
            final CollectedOutput<Pair<String, Integer>> snapshots = driver.collect(mapped.stateSnapshots());
            driver.start();
            driver.advance(6);
            assertEquals(List.of("1000:a:true:false", "1000:b:true:false", "2000:b:true:false", "4000:a:false:true",
                "5000:b:false:true"), calls);
            assertEquals(List.of(List.of(), List.of(), List.of(), List.of("a@4000"), List.of("b@5000"), List.of()),
                out.batches());
            assertEquals(List.of(Pair.of("b", 1)), snapshots.batches().get(3));
            assertEquals(List.of(), snapshots.batches().get(4));
        }
    }

    @Test
    void mapWithStateTimeoutsWaitForTheDefaultCheckpointBatch()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final MapWithStateDStream<String, Integer, Integer, String> mapped = driver.input(List.of(List.of("a")))
                .mapToPair(x -> Pair.of(x, 1)).mapWithState(
                    StateSpec.function((Time time, String key, Optional<Integer> value, State<Integer> state) ->
                    {
                        if (value.isPresent())
                        {
                            state.update(1);
                        }
                        return state.isTimingOut() ? Optional.of(key + "@" + time.milliseconds())
                            : Optional.<String>empty();
                    }).timeout(SECOND));
            final CollectedOutput<String> out = driver.collect(mapped);
            driver.start();
            driver.advance(12);
            final List<String> flattened = new ArrayList<>();
            out.batches().forEach(flattened::addAll);
            assertEquals(List.of("a@10000"), flattened, "idle since 1000, swept on the first checkpoint batch");
        }
    }

    @Test
    void updateStateByKeyRemembersTwiceItsDefaultCheckpointInterval()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final List<Node<?>> nodes = ContextInternals.Access.of(driver.context()).graph().nodes();
            driver.collect(driver.input(List.of(List.of("a"))).mapToPair(x -> Pair.of(x, 1)).updateStateByKey(
                (List<Integer> v, Optional<Integer> s) -> s));
            final Node<?> state = nodes.get(nodes.size() - 2);
            driver.start();
            assertEquals(10_000, state.checkpointIntervalMs());
            assertEquals(20_000, state.rememberMs());
        }
    }

    @Test
    void stateApiErrorsAndText()
    {
        final StateImpl<Integer> state = new StateImpl<>();
        assertEquals("<state not set>", state.toString());
        assertEquals("State is not set", assertThrows(java.util.NoSuchElementException.class, state::get).getMessage());
        state.update(5);
        assertEquals("5", state.toString());
        state.remove();
        assertEquals("requirement failed: Cannot update the state after it has been removed",
            assertThrows(IllegalArgumentException.class, () -> state.update(1)).getMessage());
        state.wrapTimingOut(3);
        assertEquals("requirement failed: Cannot remove the state that is timing out",
            assertThrows(IllegalArgumentException.class, state::remove).getMessage());
    }
}

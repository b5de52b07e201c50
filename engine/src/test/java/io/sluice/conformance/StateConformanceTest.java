package io.sluice.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.api.DStream;
import io.sluice.api.MapWithStateDStream;
import io.sluice.api.Pair;
import io.sluice.api.PairDStream;
import io.sluice.api.State;
import io.sluice.api.StateSpec;
import io.sluice.api.Time;
import io.sluice.internal.context.ContextInternals;
import io.sluice.internal.generic.MapWithStateNode;
import io.sluice.internal.generic.MappingFunction;
import io.sluice.internal.generic.StateImpl;
import io.sluice.internal.generic.StateStore;
import io.sluice.internal.graph.Node;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spark's updateStateByKey and mapWithState cases (BasicOperationsSuite, JavaAPISuite, MapWithStateSuite,
 * MapWithStateRDDSuite, StateMapSuite). The cases on Spark-internal classes (MapWithStateRDD, MapWithStateRDDRecord,
 * StateImpl, OpenHashMapBasedStateMap) run the same steps against Sluice's equivalents: {@link StateStore} (the state
 * map), {@link MapWithStateNode#update} (the per-batch record update) and {@link StateImpl} (the State object).
 */
class StateConformanceTest
{
    private static final Duration SECOND = Duration.ofSeconds(1);

    private static int partitions(final JsonNode spec)
    {
        return CaseData.param(spec, "inputPartitions");
    }

    // ---- updateStateByKey ----

    @Test
    @DisplayName("updateStateByKey - with initial value RDD")
    void updateStateByKeyWithInitialValueRdd()
    {
        final JsonNode spec = ConformanceCases.byName("updateStateByKey - with initial value RDD");
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<String> in = driver.input(CaseData.batches(spec.get("input"), CaseData::string),
                partitions(spec));
            final PairDStream<String, Integer> state = in.mapToPair(x -> Pair.of(x, 1)).updateStateByKey(
                (List<Integer> values, Optional<Integer> previous) ->
                    Optional.of(values.stream().mapToInt(Integer::intValue).sum() + previous.orElse(0)),
                CaseData.stringIntMap(spec.get("params").get("initialState")));
            final CollectedOutput<Pair<String, Integer>> out = driver.collect(state);
            driver.start();
            driver.advance(CaseData.numBatches(spec));
            CaseData.assertBatches(spec, CaseData.batches(spec.get("expected"), CaseData::stringInt), out.batches());
        }
    }

    /** Ordered in Spark by HashPartitioner(2); Sluice's order (previous keys, then new) gives the same list. */
    @Test
    @DisplayName("testUpdateStateByKey")
    void testUpdateStateByKey()
    {
        final JsonNode spec = ConformanceCases.byName("testUpdateStateByKey");
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<Pair<String, Integer>> in = driver.input(
                CaseData.batches(spec.get("input"), CaseData::stringInt), partitions(spec));
            final PairDStream<String, Integer> state = in.mapToPair(p -> p).updateStateByKey(
                (List<Integer> values, Optional<Integer> previous) ->
                {
                    int out = previous.orElse(0);
                    for (final Integer v : values)
                    {
                        out += v;
                    }
                    return Optional.of(out);
                });
            final CollectedOutput<Pair<String, Integer>> out = driver.collect(state);
            driver.start();
            driver.advance(CaseData.numBatches(spec));
            CaseData.assertBatches(spec, CaseData.batches(spec.get("expected"), CaseData::stringInt), out.batches());
        }
    }

    /** Spark's StateObject: mutated in place by the update function. */
    private static final class StateObject
    {
        private int counter;
        private int expireCounter;
    }

    @Test
    @DisplayName("updateStateByKey - object lifecycle")
    void updateStateByKeyObjectLifecycle()
    {
        final JsonNode spec = ConformanceCases.byName("updateStateByKey - object lifecycle");
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<String> in = driver.input(CaseData.batches(spec.get("input"), CaseData::string),
                partitions(spec));
            final PairDStream<String, StateObject> state = in.mapToPair(x -> Pair.of(x, 1)).updateStateByKey(
                (List<Integer> values, Optional<StateObject> previous) ->
                {
                    final StateObject object = previous.orElseGet(StateObject::new);
                    final int sum = values.stream().mapToInt(Integer::intValue).sum();
                    if (sum == 0)
                    {
                        object.expireCounter++;
                    }
                    else
                    {
                        object.counter += sum;
                        object.expireCounter = 0;
                    }
                    return object.expireCounter == 2 ? Optional.empty() : Optional.of(object);
                });
            final CollectedOutput<Pair<String, Integer>> out = driver.collect(
                state.map(p -> Pair.of(p.key(), p.value().counter)));
            driver.start();
            driver.advance(CaseData.numBatches(spec));
            CaseData.assertBatches(spec, CaseData.batches(spec.get("expected"), CaseData::stringInt), out.batches());
        }
    }

    @Test
    @DisplayName("updateStateByKey - testing time stamps as input")
    void updateStateByKeyTestingTimeStampsAsInput()
    {
        final JsonNode spec = ConformanceCases.byName("updateStateByKey - testing time stamps as input");
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<String> in = driver.input(CaseData.batches(spec.get("input"), CaseData::string),
                partitions(spec));
            final Map<String, Long> initial = new HashMap<>();
            spec.get("params").get("initialState").forEach(p -> initial.put(p.get(0).asText(), p.get(1).asLong()));
            final PairDStream<String, Long> state = in.mapToPair(x -> Pair.of(x, 1)).updateStateByKey(
                (Time time, String key, List<Integer> values, Optional<Long> previous) -> values.isEmpty()
                    ? Optional.of(previous.orElse(0L)) : Optional.of(time.milliseconds() + previous.orElse(0L)),
                initial);
            final CollectedOutput<Pair<String, Long>> out = driver.collect(state);
            driver.start();
            driver.advance(CaseData.numBatches(spec));
            CaseData.assertBatches(spec, CaseData.batches(spec.get("expected"), CaseData::stringLong), out.batches());
            final List<Time> times = new ArrayList<>();
            spec.get("params").get("batchTimesMs").forEach(t -> times.add(new Time(t.asLong())));
            assertEquals(times, out.times());
        }
    }

    // ---- mapWithState ----

    /** Runs a mapWithState case with preMap x -> (x, 1); checks the mapped output and the snapshots. */
    private static <R> void runMapWithState(final String name, final StateSpec<String, Integer, Integer, R> stateSpec,
        final Function<JsonNode, R> expectedElement)
    {
        final JsonNode spec = ConformanceCases.byName(name);
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<String> in = driver.input(CaseData.batches(spec.get("input"), CaseData::string),
                partitions(spec));
            final MapWithStateDStream<String, Integer, Integer, R> mapped =
                in.mapToPair(x -> Pair.of(x, 1)).mapWithState(stateSpec);
            final CollectedOutput<R> out = driver.collect(mapped);
            final CollectedOutput<Pair<String, Integer>> snapshots = driver.collect(mapped.stateSnapshots());
            driver.start();
            driver.advance(CaseData.numBatches(spec));
            CaseData.assertBatches(spec, CaseData.batches(spec.get("expected"), expectedElement), out.batches());
            CaseData.assertBatches(spec, CaseData.batches(spec.get("expectedStateSnapshots"), CaseData::stringInt),
                snapshots.batches());
        }
    }

    @Test
    @DisplayName("mapWithState - basic operations with simple API")
    void mapWithStateBasicOperationsWithSimpleApi()
    {
        runMapWithState("mapWithState - basic operations with simple API",
            StateSpec.function((String key, Optional<Integer> value, State<Integer> state) ->
            {
                final int sum = value.orElse(0) + state.getOption().orElse(0);
                state.update(sum);
                return sum;
            }), CaseData::integer);
    }

    @Test
    @DisplayName("mapWithState - states as mapped data")
    void mapWithStateStatesAsMappedData()
    {
        runMapWithState("mapWithState - states as mapped data",
            StateSpec.function((Time time, String key, Optional<Integer> value, State<Integer> state) ->
            {
                final int sum = value.orElse(0) + state.getOption().orElse(0);
                state.update(sum);
                return Optional.of(Pair.of(key, sum));
            }), CaseData::stringInt);
    }

    @Test
    @DisplayName("mapWithState - initial states, with nothing returned as from mapping function")
    void mapWithStateInitialStatesWithNothingReturnedAsFromMappingFunction()
    {
        final JsonNode spec = ConformanceCases.byName(
            "mapWithState - initial states, with nothing returned as from mapping function");
        runMapWithState(spec.get("name").asText(),
            StateSpec.function((Time time, String key, Optional<Integer> value, State<Integer> state) ->
            {
                state.update(value.orElse(0) + state.getOption().orElse(0));
                return Optional.<Integer>empty();
            }).initialState(CaseData.stringIntMap(spec.get("params").get("initialState"))), CaseData::integer);
    }

    @Test
    @DisplayName("mapWithState - checkpoint durations")
    void mapWithStateCheckpointDurations()
    {
        final JsonNode spec = ConformanceCases.byName("mapWithState - checkpoint durations");
        for (final JsonNode row : spec.get("expected"))
        {
            try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofMillis(row.get("batchMs").asLong())))
            {
                final List<Node<?>> nodes = ContextInternals.Access.of(driver.context()).graph().nodes();
                final DStream<String> in = driver.input(List.of(List.of("a")));
                final MapWithStateDStream<String, Integer, Integer, Integer> mapped = in.mapToPair(x -> Pair.of(x, 1))
                    .mapWithState(StateSpec.function((String k, Optional<Integer> v, State<Integer> s) -> v.orElse(0)));
                final Node<?> outer = nodes.get(nodes.size() - 1);
                if (!row.get("explicitMs").isNull())
                {
                    mapped.checkpoint(Duration.ofMillis(row.get("explicitMs").asLong()));
                }
                driver.collect(mapped);
                driver.start();
                final Node<?> internal = nodes.stream().filter(n -> n instanceof MapWithStateNode).findFirst()
                    .orElseThrow();
                assertEquals(row.get("internalCheckpointMs").asLong(), internal.checkpointIntervalMs(), row.toString());
                assertEquals(0, outer.checkpointIntervalMs(), "the mapped stream's own interval stays unset");
            }
        }
    }

    @Test
    @DisplayName("mapWithState - state timing out")
    void mapWithStateStateTimingOut()
    {
        final JsonNode spec = ConformanceCases.byName("mapWithState - state timing out");
        try (StreamingTestDriver driver = StreamingTestDriver.create(SECOND))
        {
            final DStream<String> in = driver.input(CaseData.batches(spec.get("input"), CaseData::string),
                partitions(spec));
            final MapWithStateDStream<String, Integer, Integer, String> mapped = in.mapToPair(x -> Pair.of(x, 1))
                .mapWithState(StateSpec.function((Time time, String key, Optional<Integer> value, State<Integer> state) ->
                {
                    if (value.isPresent())
                    {
                        state.update(1);
                    }
                    return state.isTimingOut() ? Optional.of(key) : Optional.<String>empty();
                }).timeout(Duration.ofMillis(CaseData.param(spec, "timeoutMs"))));
            final CollectedOutput<String> out = driver.collect(mapped);
            final CollectedOutput<Pair<String, Integer>> snapshots = driver.collect(mapped.stateSnapshots());
            driver.start();
            driver.advance(CaseData.param(spec, "numBatches"));
            final JsonNode assertions = spec.get("assertions");
            final List<String> flattened = new ArrayList<>();
            out.batches().forEach(flattened::addAll);
            flattened.sort(null);
            final List<String> expectedOut = new ArrayList<>();
            assertions.get("flattenedSortedOutputs").forEach(k -> expectedOut.add(k.asText()));
            assertEquals(expectedOut, flattened);
            final Map<Pair<String, Integer>, Integer> some = CaseData.multiset(
                CaseData.elements(assertions.get("someSnapshotEquals"), CaseData::stringInt));
            assertTrue(snapshots.batches().stream().anyMatch(b -> CaseData.multiset(b).equals(some)),
                () -> "some snapshot equals " + some + ": " + snapshots.batches());
            final List<List<Pair<String, Integer>>> all = snapshots.batches();
            assertEquals(CaseData.multiset(CaseData.elements(assertions.get("lastSnapshotEquals"),
                CaseData::stringInt)), CaseData.multiset(all.get(all.size() - 1)));
        }
    }

    // ---- Spark-internal cases, on Sluice's equivalents ----

    /**
     * MapWithStateRDDSuite "states generated by MapWithStateRDD": each step derives a new state from a previous one
     * (copy-on-write: the previous store never changes), here {@code StateStore.copy()} then
     * {@link MapWithStateNode#update} at the update time, with no timeout.
     */
    @Test
    @DisplayName("states generated by MapWithStateRDD")
    void statesGeneratedByMapWithStateRdd()
    {
        final JsonNode spec = ConformanceCases.byName("states generated by MapWithStateRDD");
        final JsonNode params = spec.get("params");
        final Map<String, Integer> init = CaseData.stringIntMap(params.get("initStates"));
        final long updateTime = params.get("updateTimeMs").asLong();
        final Map<String, StateStore<String, Integer>> stores = new HashMap<>();
        stores.put("init", StateStore.of(init, params.get("initTimeMs").asLong()));
        final MappingFunction<String, Integer, Integer, Integer> function = (time, key, value, state, out) ->
        {
            switch (value.orElseThrow())
            {
                case 1 -> state.update(state.exists() ? state.get() + 1 : 0);
                case 2 -> state.remove();
                default ->
                {
                }
            }
        };
        for (final JsonNode step : spec.get("steps"))
        {
            final StateStore<String, Integer> from = stores.get(step.get("from").asText());
            final List<Entry> before = entries(from);
            final StateStore<String, Integer> next = from.copy();
            final List<Integer> out = new ArrayList<>();
            MapWithStateNode.update(next, List.of(CaseData.elements(step.get("data"), CaseData::stringInt)), function, updateTime, false, 0, false, out);
            assertEquals(List.of(), out, "the function returns None");
            assertEquals(before, entries(from), "the previous state is unchanged");
            final List<Entry> expected = new ArrayList<>();
            step.get("expectedStates").forEach(e -> expected.add(new Entry(e.get(0).asText(), e.get(1).asInt(),
                e.get(2).asLong())));
            assertEquals(CaseData.multiset(expected), CaseData.multiset(entries(next)), step.toString());
            if (step.has("id"))
            {
                stores.put(step.get("id").asText(), next);
            }
        }
    }

    private record Entry(Object key, Object state, long time)
    {
    }

    private static <K, S> List<Entry> entries(final StateStore<K, S> store)
    {
        final List<Entry> out = new ArrayList<>();
        store.getAll().forEach(e -> out.add(new Entry(e.key(), e.state(), e.updateTimeMs())));
        return out;
    }

    /**
     * MapWithStateRDDSuite "updating state and generating mapped data in MapWithStateRDDRecord": each subcase runs
     * {@link MapWithStateNode#update} (Sluice's MapWithStateRDDRecord.updateRecordWithData) on a one-key store. A
     * threshold set means a timeout is configured; removeTimedout is the sweep flag. Absent expectations are empty,
     * as in Spark's helper.
     */
    @Test
    @DisplayName("updating state and generating mapped data in MapWithStateRDDRecord")
    void updatingStateAndGeneratingMappedDataInMapWithStateRddRecord()
    {
        final JsonNode spec = ConformanceCases.byName(
            "updating state and generating mapped data in MapWithStateRDDRecord");
        final JsonNode params = spec.get("params");
        final String key = params.get("key").asText();
        final long initialTime = params.get("initialTimeMs").asLong();
        final long batchTime = params.get("batchTimeMs").asLong();
        for (final JsonNode sub : spec.get("subcases"))
        {
            final boolean[] isCalled = {false};
            final List<Integer> removed = new ArrayList<>();
            final List<Integer> timingOut = new ArrayList<>();
            final MappingFunction<String, String, Integer, Integer> function = (time, k, value, state, out) ->
            {
                isCalled[0] = true;
                if (value.isEmpty())
                {
                    assertTrue(state.isTimingOut());
                    timingOut.add(state.get());
                    return;
                }
                switch (value.get())
                {
                    case "get-state" -> out.add(state.getOption().orElse(-1));
                    case "update-state" -> state.update(state.exists() ? state.get() + 1 : 0);
                    case "remove-state" ->
                    {
                        removed.add(state.get());
                        state.remove();
                    }
                    default ->
                    {
                    }
                }
            };
            final StateStore<String, Integer> store = new StateStore<>();
            sub.get("initStates").forEach(s -> store.put(key, s.asInt(), initialTime));
            final List<Pair<String, String>> data = new ArrayList<>();
            sub.get("data").forEach(d -> data.add(Pair.of(key, d.asText())));
            final JsonNode threshold = sub.get("timeoutThresholdMs");
            final boolean hasTimeout = threshold != null && !threshold.isNull();
            final List<Integer> out = new ArrayList<>();
            MapWithStateNode.update(store, List.of(data), function, batchTime, hasTimeout,
                hasTimeout ? threshold.asLong() : 0, sub.path("removeTimedout").asBoolean(false), out);
            final String where = sub.toString();
            final List<Entry> expectedStates = new ArrayList<>();
            sub.get("expectedStates").forEach(e -> expectedStates.add(new Entry(key, e.get(0).asInt(), e.get(1).asLong())));
            assertEquals(expectedStates, entries(store), where);
            if (sub.has("functionCalled"))
            {
                assertEquals(sub.get("functionCalled").asBoolean(), isCalled[0], where);
            }
            assertEquals(ints(sub.get("expectedOutput")), out, where);
            assertEquals(ints(sub.get("expectedRemovedStates")), removed, where);
            assertEquals(ints(sub.get("expectedTimingOutStates")), timingOut, where);
        }
    }

    private static List<Integer> ints(final JsonNode array)
    {
        final List<Integer> out = new ArrayList<>();
        if (array != null)
        {
            array.forEach(v -> out.add(v.asInt()));
        }
        return out;
    }

    /** MapWithStateSuite "state - get, exists, update, remove": the same steps on {@link StateImpl}. */
    @Test
    @DisplayName("state - get, exists, update, remove, ")
    void stateGetExistsUpdateRemove()
    {
        final JsonNode spec = ConformanceCases.byName("state - get, exists, update, remove, ");
        StateImpl<Integer> state = new StateImpl<>();
        for (final JsonNode step : spec.get("steps"))
        {
            final String action = step.get("do").asText();
            switch (action)
            {
                case "new State" -> state = new StateImpl<>();
                case "wrap(None)" -> state.wrap(null, false);
                case "wrap(Some(1))" -> state.wrap(1, true);
                case "update(2)" -> state.update(2);
                case "new State; update(2)" ->
                {
                    state = new StateImpl<>();
                    state.update(2);
                }
                case "remove()" -> state.remove();
                case "wrapTimingOutState(3)" -> state.wrapTimingOut(3);
                default -> throw new IllegalArgumentException("unknown step " + action);
            }
            final StateImpl<Integer> s = state;
            final JsonNode expect = step.get("expect");
            expect.fields().forEachRemaining(e ->
            {
                final String what = action + ": " + e.getKey();
                final JsonNode value = e.getValue();
                switch (e.getKey())
                {
                    case "exists" -> assertEquals(value.asBoolean(), s.exists(), what);
                    case "isTimingOut" -> assertEquals(value.asBoolean(), s.isTimingOut(), what);
                    case "isUpdated" -> assertEquals(value.asBoolean(), s.isUpdated(), what);
                    case "isRemoved" -> assertEquals(value.asBoolean(), s.isRemoved(), what);
                    case "getOption" -> assertEquals(value.isNull() ? Optional.empty() : Optional.of(value.asInt()),
                        s.getOption(), what);
                    case "get" ->
                    {
                        if (value.isTextual())
                        {
                            assertEquals("throws NoSuchElementException", value.asText());
                            final NoSuchElementException thrown = assertThrows(NoSuchElementException.class, s::get);
                            assertEquals("State is not set", thrown.getMessage());
                        }
                        else
                        {
                            assertEquals(value.asInt(), s.get(), what);
                        }
                    }
                    case "remove()" ->
                    {
                        assertEquals("throws IllegalArgumentException", value.asText());
                        assertThrows(IllegalArgumentException.class, s::remove, what);
                    }
                    case "update(-1)" ->
                    {
                        assertEquals("throws IllegalArgumentException", value.asText());
                        assertThrows(IllegalArgumentException.class, () -> s.update(-1), what);
                    }
                    default -> throw new IllegalArgumentException("unknown expectation " + what);
                }
            });
        }
    }

    private static final Pattern CALL = Pattern.compile("(\\w+)\\(([^)]*)\\)");

    /** StateMapSuite "OpenHashMapBasedStateMap - put, get, getByTime, getAll, remove": the steps on {@link StateStore}. */
    @Test
    @DisplayName("OpenHashMapBasedStateMap - put, get, getByTime, getAll, remove")
    void openHashMapBasedStateMapPutGetGetByTimeGetAllRemove()
    {
        final JsonNode spec = ConformanceCases.byName("OpenHashMapBasedStateMap - put, get, getByTime, getAll, remove");
        final StateStore<Integer, Integer> store = new StateStore<>();
        for (final JsonNode step : spec.get("steps"))
        {
            final Matcher action = CALL.matcher(step.get("do").asText());
            assertTrue(action.matches(), step.toString());
            final String[] args = action.group(2).split(",");
            switch (action.group(1))
            {
                case "put" -> store.put(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Long.parseLong(args[2]));
                case "remove" -> store.remove(Integer.parseInt(args[0]));
                default -> throw new IllegalArgumentException("unknown step " + step);
            }
            step.get("expect").fields().forEachRemaining(e ->
            {
                final String what = step.get("do").asText() + ": " + e.getKey();
                final Matcher check = CALL.matcher(e.getKey());
                if (e.getKey().equals("getAll"))
                {
                    assertEquals(CaseData.multiset(triples(e.getValue())), CaseData.multiset(entries(store)), what);
                    return;
                }
                assertTrue(check.matches(), what);
                final long arg = Long.parseLong(check.group(2));
                switch (check.group(1))
                {
                    case "get" ->
                    {
                        final StateStore.Entry<Integer, Integer> entry = store.get((int)arg);
                        assertEquals(e.getValue().isNull() ? null : e.getValue().asInt(),
                            entry == null ? null : entry.state(), what);
                    }
                    case "getByTime" ->
                    {
                        final List<Entry> idle = new ArrayList<>();
                        store.getByTime(arg).forEach(x -> idle.add(new Entry(x.key(), x.state(), x.updateTimeMs())));
                        assertEquals(CaseData.multiset(triples(e.getValue())), CaseData.multiset(idle), what);
                    }
                    default -> throw new IllegalArgumentException("unknown expectation " + what);
                }
            });
        }
    }

    private static List<Entry> triples(final JsonNode array)
    {
        final List<Entry> out = new ArrayList<>();
        array.forEach(t -> out.add(new Entry(t.get(0).asInt(), t.get(1).asInt(), t.get(2).asLong())));
        return out;
    }
}

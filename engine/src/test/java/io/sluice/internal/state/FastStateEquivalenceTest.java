package io.sluice.internal.state;

import io.sluice.api.LongMappingFunction;
import io.sluice.api.LongUpdateFunction;
import io.sluice.api.Pair;
import io.sluice.api.State;
import io.sluice.api.StateSpec;
import io.sluice.api.Time;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.memory.OffHeapLeakCheck;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast state operators give the generic path's batches for the same input: updateStateByKey called for every
 * key every batch (also when the parent has no batch), removal, untouched state kept, values in arrival order;
 * mapWithState once per record, removal, and timeouts (strictly idle, swept only on checkpoint batches, every
 * 10 batches by default).
 */
@ExtendWith(OffHeapLeakCheck.class)
class FastStateEquivalenceTest
{
    private static final long BATCH_MS = 1000;
    private static final int BATCHES = 40;

    /** Random batches; a few are {@code null} (the parent produces no batch), the last ten are empty. */
    private static List<List<Pair<Long, Long>>> input(final long seed, final int keyCount, final int maxRecords)
    {
        final List<List<Pair<Long, Long>>> batches = PairColumns.randomBatches(seed, BATCHES, keyCount, maxRecords);
        batches.set(4, null);
        batches.set(11, null);
        for (int b = BATCHES - 10; b < BATCHES; b++)
        {
            batches.set(b, List.of());
        }
        return batches;
    }

    /** s = state + sum + 10 * last value; removed past 60; a key without values whose s is a multiple of 3 is left alone. */
    private static Optional<Long> genericUpdate(final List<Long> values, final Optional<Long> state)
    {
        long s = state.orElse(0L);
        for (final long v : values)
        {
            s += v;
        }
        s += values.isEmpty() ? 0 : 10 * values.get(values.size() - 1);
        if (s > 60)
        {
            return Optional.empty();
        }
        if (values.isEmpty() && s % 3 == 0)
        {
            return state;
        }
        return Optional.of(s + 1);
    }

    private static final LongUpdateFunction FAST_UPDATE = (key, values, state) ->
    {
        long s = state.exists() ? state.get() : 0;
        s += values.sum() + (values.size() == 0 ? 0 : 10 * values.get(values.size() - 1));
        if (s > 60)
        {
            if (state.exists())
            {
                state.remove();
            }
            return;
        }
        if (values.size() == 0 && s % 3 == 0)
        {
            return;
        }
        state.update(s + 1);
    };

    @ParameterizedTest(name = "seed {0}, {1} keys, up to {2} records")
    @CsvSource({"1,10,8", "2,10,8", "3,10,8", "4,300,60", "5,1000,200"})
    void updateStateByKeyEqualsTheGenericPath(final long seed, final int keyCount, final int maxRecords)
    {
        final List<List<Pair<Long, Long>>> input = input(seed, keyCount, maxRecords);
        input.set(0, null); // no state and no batch: no output at the first time

        final List<List<Pair<Long, Long>>> generic;
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofMillis(BATCH_MS)))
        {
            final CollectedOutput<Pair<Long, Long>> out = driver.collect(driver.input(input)
                .mapToPair((Pair<Long, Long> p) -> p).updateStateByKey(FastStateEquivalenceTest::genericUpdate));
            driver.start();
            driver.advance(BATCHES);
            generic = out.batches();
        }

        final List<List<Pair<Long, Long>>> fast = new ArrayList<>();
        boolean hasOutput = false;
        try (LongLongUpdateStateOperator op = new LongLongUpdateStateOperator(FAST_UPDATE);
            PairColumns in = new PairColumns(); PairColumns out = new PairColumns())
        {
            for (int b = 1; b <= BATCHES; b++)
            {
                final List<Pair<Long, Long>> batch = input.get(b - 1);
                if (batch == null && !hasOutput)
                {
                    continue;
                }
                hasOutput = true;
                in.fill(batch);
                out.fill(null);
                op.update(in.keys.address(), in.values.address(), 0, in.size(), out.keys, out.values);
                fast.add(out.pairs());
            }
        }
        assertEquals(generic, fast);
        assertTrue(generic.stream().anyMatch(b -> !b.isEmpty()), "the case exercises some state");
    }

    @ParameterizedTest(name = "timeout {0} ms, {1} keys, up to {2} records")
    @CsvSource({"0,10,8", "1000,10,8", "3000,10,8", "0,300,60", "2000,300,60", "5000,1000,200"})
    void mapWithStateEqualsTheGenericPath(final long timeoutMs, final int keyCount, final int maxRecords)
    {
        final List<List<Pair<Long, Long>>> input = input(timeoutMs + 7 + keyCount, keyCount, maxRecords);

        final List<List<Long>> genericMapped;
        final List<List<Pair<Long, Long>>> genericSnapshots;
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofMillis(BATCH_MS)))
        {
            StateSpec<Long, Long, Long, Long> spec = StateSpec.function(
                (Time time, Long key, Optional<Long> value, State<Long> state) -> Optional.of(
                    genericMapping(key, value, state)));
            if (timeoutMs > 0)
            {
                spec = spec.timeout(Duration.ofMillis(timeoutMs));
            }
            final var mapped = driver.input(input).mapToPair((Pair<Long, Long> p) -> p).mapWithState(spec);
            final CollectedOutput<Long> out = driver.collect(mapped);
            final CollectedOutput<Pair<Long, Long>> snapshots = driver.collect(mapped.stateSnapshots());
            driver.start();
            driver.advance(BATCHES);
            genericMapped = out.batches();
            genericSnapshots = snapshots.batches();
        }

        final List<List<Long>> fastMapped = new ArrayList<>();
        final List<List<Pair<Long, Long>>> fastSnapshots = new ArrayList<>();
        final LongMappingFunction fastMapping = (key, hasValue, value, state) ->
        {
            if (state.isTimingOut())
            {
                return -1000 - key;
            }
            if (value == 5)
            {
                if (state.exists())
                {
                    state.remove();
                }
                return 0;
            }
            if (value == 4)
            {
                return state.exists() ? state.get() : -1; // read only: with a timeout the key's clock still restarts
            }
            state.update((state.exists() ? state.get() : 0) + value);
            return state.get();
        };
        try (LongLongMapWithStateOperator op = new LongLongMapWithStateOperator(fastMapping, timeoutMs, 0, BATCH_MS);
            PairColumns in = new PairColumns(); LongVector mapped = new LongVector(16); PairColumns snapshot = new PairColumns())
        {
            for (int b = 1; b <= BATCHES; b++)
            {
                in.fill(input.get(b - 1));
                mapped.clear();
                final boolean isSweep = b * BATCH_MS % (10 * BATCH_MS) == 0;
                op.update(b * BATCH_MS, in.keys.address(), in.values.address(), 0, in.size(), isSweep, mapped);
                final List<Long> batch = new ArrayList<>();
                for (int i = 0; i < mapped.size(); i++)
                {
                    batch.add(mapped.get(i));
                }
                fastMapped.add(batch);
                snapshot.fill(null);
                op.snapshot(snapshot.keys, snapshot.values);
                fastSnapshots.add(snapshot.pairs());
            }
        }
        assertEquals(genericMapped, fastMapped);
        assertEquals(genericSnapshots, fastSnapshots);
        if (timeoutMs > 0)
        {
            assertTrue(fastMapped.stream().flatMap(List::stream).anyMatch(v -> v <= -1000), "some key timed out");
        }
    }

    private static long genericMapping(final Long key, final Optional<Long> value, final State<Long> state)
    {
        if (state.isTimingOut())
        {
            return -1000 - key;
        }
        final long v = value.orElseThrow();
        if (v == 5)
        {
            if (state.exists())
            {
                state.remove();
            }
            return 0;
        }
        if (v == 4)
        {
            return state.exists() ? state.get() : -1;
        }
        state.update(state.getOption().orElse(0L) + v);
        return state.get();
    }

    @Test
    void stateRulesMatchTheGenericState()
    {
        final LongStateFlyweight state = new LongStateFlyweight();
        state.wrap(0, false);
        assertEquals("<state not set>", state.toString());
        assertThrows(NoSuchElementException.class, state::get);
        state.remove();
        assertThrows(IllegalArgumentException.class, () -> state.update(1));
        assertThrows(IllegalArgumentException.class, state::remove);
        state.wrapTimingOut(3);
        assertEquals(3, state.get());
        assertThrows(IllegalArgumentException.class, () -> state.update(1));
        assertThrows(IllegalArgumentException.class, state::remove);
    }
}

package io.sluice.internal.state;

import com.sun.management.ThreadMXBean;
import io.sluice.api.LongMappingFunction;
import io.sluice.api.LongState;
import io.sluice.api.LongUpdateFunction;
import io.sluice.api.Pair;
import io.sluice.api.StringMappingFunction;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.memory.OffHeapLeakCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * State snapshots of the four fast-path keyed-state operators ({@code writeState} / {@code readState}): for random
 * batch sequences and every cut point, an operator restored from the snapshot after the cut batch and the original
 * produce identical outputs for every following batch (whole states; mapped values, timeouts and the state after
 * each batch; dictionary sizes), and write identical snapshots; the documented byte layouts; an empty state; the
 * refusals (non-empty operator, unknown version, negative count, duplicate key, truncation); and that
 * {@code writeState} allocates nothing per entry. Off-heap memory back to the start after each test.
 */
@ExtendWith(OffHeapLeakCheck.class)
class StateOperatorSnapshotTest
{
    private static final long ZERO_MS = 1_000;
    private static final long BATCH_MS = 10;
    private static final long TIMEOUT_MS = 3 * BATCH_MS;
    private static final int SWEEP_EVERY = 4;
    private static final long TIMING_OUT = Long.MIN_VALUE;

    /** One operator under test, fed batches of long pairs (text keys: {@link #word} of the long). */
    private interface Harness extends AutoCloseable
    {
        /** Runs batch {@code b} (1-based) and returns all it produced, in order, as comparable tokens. */
        List<String> run(long b, List<Pair<Long, Long>> batch);

        void writeState(DataOutput out) throws IOException;

        void readState(DataInput in) throws IOException;

        /** Removals and timeouts this operator's function caused (to show the sequence exercises them). */
        long removals();

        long timeouts();

        @Override
        void close();
    }

    static Stream<Arguments> operators()
    {
        return Stream.of(
            Arguments.of("LongLongUpdateState", (Supplier<Harness>)LongUpdate::new),
            Arguments.of("LongLongMapWithState", (Supplier<Harness>)LongMap::new),
            Arguments.of("StringLongUpdateState", (Supplier<Harness>)StringUpdate::new),
            Arguments.of("StringLongMapWithState", (Supplier<Harness>)StringMap::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void restoredTwinMatchesTheOriginalFromEveryCutPoint(final String name, final Supplier<Harness> factory)
        throws IOException
    {
        for (long seed = 1; seed <= 3; seed++)
        {
            final List<List<Pair<Long, Long>>> batches = PairColumns.randomBatches(seed, 24, 20, 14);
            for (int cut = 0; cut <= batches.size(); cut++)
            {
                assertRestoredTwinMatches(name + " seed " + seed, factory, batches, cut);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void largeStateRoundTripsAcrossKeyChunks(final String name, final Supplier<Harness> factory) throws IOException
    {
        final List<List<Pair<Long, Long>>> batches = PairColumns.randomBatches(42, 8, 5_000, 6_000);
        for (final int cut : new int[] {1, 3, 6})
        {
            assertRestoredTwinMatches(name + " large", factory, batches, cut);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void theSequenceExercisesRemovalsAndTimeouts(final String name, final Supplier<Harness> factory)
    {
        try (Harness harness = factory.get())
        {
            final List<List<Pair<Long, Long>>> batches = PairColumns.randomBatches(1, 24, 20, 14);
            for (int b = 1; b <= batches.size(); b++)
            {
                harness.run(b, batches.get(b - 1));
            }
            assertTrue(harness.removals() > 0, name + " removes keys");
            if (name.contains("MapWithState"))
            {
                assertTrue(harness.timeouts() > 0, name + " times keys out");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void emptyStateRoundTrips(final String name, final Supplier<Harness> factory) throws IOException
    {
        try (Harness original = factory.get())
        {
            final byte[] snapshot = snapshotOf(original);
            final ByteArrayOutputStream expected = new ByteArrayOutputStream();
            final DataOutputStream header = new DataOutputStream(expected);
            header.writeInt(1);
            header.writeLong(0);
            assertArrayEquals(expected.toByteArray(), snapshot, "an empty state is the header alone");
        }
        assertRestoredTwinMatches(name, factory, PairColumns.randomBatches(7, 10, 20, 14), 0);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void readStateIntoAnOperatorWithStateFails(final String name, final Supplier<Harness> factory)
        throws IOException
    {
        final byte[] snapshot;
        try (Harness source = factory.get())
        {
            source.run(1, List.of(Pair.of(1L, 1L), Pair.of(2L, 2L)));
            snapshot = snapshotOf(source);
        }
        try (Harness target = factory.get())
        {
            target.run(1, List.of(Pair.of(3L, 1L)));
            final IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> target.readState(input(snapshot)));
            assertTrue(e.getMessage().contains("empty operator") && e.getMessage().contains("already holds 1 keys"),
                e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void unknownVersionNegativeCountAndTruncationFail(final String name, final Supplier<Harness> factory)
        throws IOException
    {
        try (Harness target = factory.get())
        {
            final IllegalStateException version = assertThrows(IllegalStateException.class,
                () -> target.readState(input(header(99, 0))));
            assertEquals("unknown state snapshot format version 99 (this build reads version 1)",
                version.getMessage());
            final IllegalStateException count = assertThrows(IllegalStateException.class,
                () -> target.readState(input(header(1, -3))));
            assertEquals("state snapshot has a negative entry count: -3", count.getMessage());
        }
        final byte[] snapshot;
        try (Harness source = factory.get())
        {
            source.run(1, List.of(Pair.of(1L, 1L), Pair.of(2L, 2L), Pair.of(5L, 3L)));
            snapshot = snapshotOf(source);
        }
        for (final int length : new int[] {3, 12, 13, snapshot.length - 1})
        {
            try (Harness target = factory.get())
            {
                assertThrows(EOFException.class, () -> target.readState(input(Arrays.copyOf(snapshot, length))),
                    "truncated to " + length + " of " + snapshot.length + " bytes");
            }
        }
    }

    @Test
    void aDuplicateKeyFails() throws IOException
    {
        final ByteArrayOutputStream longKeys = new ByteArrayOutputStream();
        final DataOutputStream longOut = new DataOutputStream(longKeys);
        longOut.write(header(1, 2));
        longOut.writeLong(5);
        longOut.writeLong(5);
        try (LongLongUpdateStateOperator op = new LongLongUpdateStateOperator((key, values, state) -> { }))
        {
            assertEquals("state snapshot holds key 5 twice", assertThrows(IllegalStateException.class,
                () -> op.readState(input(longKeys.toByteArray()))).getMessage());
        }
        final ByteArrayOutputStream textKeys = new ByteArrayOutputStream();
        final DataOutputStream textOut = new DataOutputStream(textKeys);
        textOut.write(header(1, 2));
        for (int i = 0; i < 2; i++)
        {
            textOut.writeInt(2);
            textOut.writeBytes("ab");
        }
        try (StringLongMapWithStateOperator op = new StringLongMapWithStateOperator((key, hasValue, value, state) -> 0,
            0, ZERO_MS, BATCH_MS))
        {
            assertEquals("state snapshot holds key \"ab\" twice", assertThrows(IllegalStateException.class,
                () -> op.readState(input(textKeys.toByteArray()))).getMessage());
        }
    }

    @Test
    void longMapWithStateLayoutIsColumnarInInsertionOrder() throws IOException
    {
        try (LongLongMapWithStateOperator op = new LongLongMapWithStateOperator(LongMap.FUNCTION, TIMEOUT_MS, ZERO_MS,
            BATCH_MS); PairColumns batch = new PairColumns(); LongVector mapped = new LongVector(16))
        {
            op.putInitial(9, 100, ZERO_MS + BATCH_MS);
            batch.fill(List.of(Pair.of(-4L, 1L), Pair.of(9L, 2L), Pair.of(7L, 3L)));
            op.update(ZERO_MS + 2 * BATCH_MS, batch.keys.address(), batch.values.address(), 0, 3, false, mapped);
            final DataInputStream in = input(snapshotOf(op::writeState));
            assertEquals(1, in.readInt());
            assertEquals(3, in.readLong());
            assertEquals(List.of(9L, -4L, 7L), readLongs(in, 3), "keys in insertion order");
            assertEquals(List.of(100L + 2 + 9, 1L - 4, 3L + 7), readLongs(in, 3), "states");
            assertEquals(List.of(ZERO_MS + 2 * BATCH_MS, ZERO_MS + 2 * BATCH_MS, ZERO_MS + 2 * BATCH_MS),
                readLongs(in, 3), "last-update times in ms");
            assertEquals(-1, in.read(), "nothing after the times");
        }
    }

    @Test
    void longUpdateStateLayoutIsColumnarInInsertionOrder() throws IOException
    {
        try (LongLongUpdateStateOperator op = new LongLongUpdateStateOperator((key, values, state) ->
            state.update(values.sum())); PairColumns batch = new PairColumns();
            LongVector outKeys = new LongVector(16); LongVector outValues = new LongVector(16))
        {
            batch.fill(List.of(Pair.of(3L, 10L), Pair.of(-1L, 7L), Pair.of(3L, 1L)));
            op.update(batch.keys.address(), batch.values.address(), 0, 3, outKeys, outValues);
            final DataInputStream in = input(snapshotOf(op::writeState));
            assertEquals(1, in.readInt());
            assertEquals(2, in.readLong());
            assertEquals(List.of(3L, -1L), readLongs(in, 2), "keys in insertion order");
            assertEquals(List.of(11L, 7L), readLongs(in, 2), "states");
            assertEquals(-1, in.read(), "nothing after the states");
        }
    }

    @Test
    void textLayoutHasLengthPrefixedUtf8KeysThenStatesThenTimes() throws IOException
    {
        final String[] words = {"", "ключ", "x".repeat(700), "b"};
        try (StringLongMapWithStateOperator map = new StringLongMapWithStateOperator(StringMap.FUNCTION, TIMEOUT_MS,
            ZERO_MS, BATCH_MS); StringLongUpdateStateOperator update = new StringLongUpdateStateOperator(
                (key, values, state) -> state.update(values.sum() + key.length()));
            BytesColumn keys = BytesColumn.allocate(4, 1024); BytesColumn outKeys = BytesColumn.allocate(4, 1024);
            LongVector values = new LongVector(4); LongVector out = new LongVector(4))
        {
            for (final String word : words)
            {
                keys.appendString(word);
                values.add(1);
            }
            map.update(ZERO_MS + BATCH_MS, keys, values.address(), 0, words.length, false, out);
            update.update(keys, values.address(), 0, words.length, outKeys, out);
            final DataInputStream mapIn = input(snapshotOf(map::writeState));
            final DataInputStream updateIn = input(snapshotOf(update::writeState));
            for (final DataInputStream in : List.of(mapIn, updateIn))
            {
                assertEquals(1, in.readInt());
                assertEquals(words.length, in.readLong());
                for (final String word : words)
                {
                    final byte[] expected = word.getBytes(StandardCharsets.UTF_8);
                    assertEquals(expected.length, in.readInt());
                    final byte[] actual = new byte[expected.length];
                    in.readFully(actual);
                    assertArrayEquals(expected, actual, word);
                }
            }
            assertEquals(List.of(1L + 11, 1L + 4 * 3 + 'ч', 1L + 700 * 3 + 'x', 1L + 3 + 'b'),
                readLongs(mapIn, words.length), "states: 1 + the salt");
            assertEquals(List.of(ZERO_MS + BATCH_MS, ZERO_MS + BATCH_MS, ZERO_MS + BATCH_MS, ZERO_MS + BATCH_MS),
                readLongs(mapIn, words.length), "times");
            assertEquals(-1, mapIn.read());
            assertEquals(List.of(1L, 5L, 701L, 2L), readLongs(updateIn, words.length), "states: 1 + chars");
            assertEquals(-1, updateIn.read());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void writeStateAllocatesNothingPerEntry(final String name, final Supplier<Harness> factory) throws IOException
    {
        final int keys = 20_000;
        final List<Pair<Long, Long>> batch = new ArrayList<>(keys);
        for (long key = 0; key < keys; key++)
        {
            batch.add(Pair.of(key, 1L));
        }
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        try (Harness harness = factory.get())
        {
            harness.run(1, batch);
            final DataOutputStream sink = new DataOutputStream(OutputStream.nullOutputStream());
            for (int i = 0; i < 5; i++)
            {
                harness.writeState(sink);
            }
            final int calls = 10;
            final long before = threads.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < calls; i++)
            {
                harness.writeState(sink);
            }
            final long perCall = (threads.getCurrentThreadAllocatedBytes() - before) / calls;
            assertTrue(perCall < 1_024, name + " writeState of " + keys + " keys allocated " + perCall + " bytes");
        }
    }

    @Test
    void longReadStateAllocatesNothingOnTheHeap() throws IOException
    {
        final ThreadMXBean threads = (ThreadMXBean)ManagementFactory.getThreadMXBean();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);
        final int n = 20_000;
        out.write(header(1, n));
        for (int column = 0; column < 3; column++)
        {
            for (long i = 0; i < n; i++)
            {
                out.writeLong(column == 2 ? ZERO_MS + i * BATCH_MS : i * 31);
            }
        }
        final byte[] snapshot = bytes.toByteArray();
        for (int round = 0; round < 3; round++)
        {
            final DataInputStream updateIn = input(snapshot);
            final DataInputStream mapIn = input(snapshot);
            try (LongLongUpdateStateOperator update = new LongLongUpdateStateOperator(LongUpdate.FUNCTION);
                LongLongMapWithStateOperator map = new LongLongMapWithStateOperator(LongMap.FUNCTION, TIMEOUT_MS,
                    ZERO_MS, BATCH_MS))
            {
                final long before = threads.getCurrentThreadAllocatedBytes();
                update.readState(updateIn);
                map.readState(mapIn);
                final long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                assertEquals(n, update.stateSize());
                assertEquals(n, map.stateSize());
                assertTrue(round == 0 || allocated < 1_024, "readState of " + n + " keys allocated " + allocated);
            }
        }
    }

    private static void assertRestoredTwinMatches(final String name, final Supplier<Harness> factory,
        final List<List<Pair<Long, Long>>> batches, final int cut) throws IOException
    {
        try (Harness original = factory.get(); Harness restored = factory.get())
        {
            for (int b = 1; b <= cut; b++)
            {
                original.run(b, batches.get(b - 1));
            }
            final byte[] snapshot = snapshotOf(original);
            final DataInputStream in = input(snapshot);
            restored.readState(in);
            assertEquals(-1, in.read(), name + ": readState reads the whole snapshot");
            assertArrayEquals(snapshot, snapshotOf(restored), name + ": the restored state writes the same snapshot");
            for (int b = cut + 1; b <= batches.size(); b++)
            {
                final List<Pair<Long, Long>> batch = batches.get(b - 1);
                assertEquals(original.run(b, batch), restored.run(b, batch), name + ": batch " + b + " after a cut"
                    + " at " + cut);
            }
            assertArrayEquals(snapshotOf(original), snapshotOf(restored), name + ": final states, cut at " + cut);
        }
    }

    private interface StateWriter
    {
        void writeState(DataOutput out) throws IOException;
    }

    private static byte[] snapshotOf(final Harness harness) throws IOException
    {
        return snapshotOf(harness::writeState);
    }

    private static byte[] snapshotOf(final StateWriter writer) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);
        writer.writeState(out);
        out.flush();
        return bytes.toByteArray();
    }

    private static byte[] header(final int version, final long count) throws IOException
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(version);
        out.writeLong(count);
        return bytes.toByteArray();
    }

    private static DataInputStream input(final byte[] bytes)
    {
        return new DataInputStream(new ByteArrayInputStream(bytes));
    }

    private static List<Long> readLongs(final DataInput in, final int n) throws IOException
    {
        final List<Long> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++)
        {
            out.add(in.readLong());
        }
        return out;
    }

    /**
     * The text key for long {@code key}: distinct per key; the empty string, Cyrillic, CJK, emoji (4-byte UTF-8),
     * and keys of up to ~5 KB (longer than the operators' byte scratch) all occur.
     */
    static String word(final long key)
    {
        final int kind = (int)Math.floorMod(key, 6);
        switch (kind)
        {
            case 0:
                return key == 0 ? "" : "w" + key;
            case 1:
                return "ключ" + key;
            case 2:
                return "日本" + key;
            case 3:
                return "\uD83D\uDE00" + key;
            case 4:
                return "x".repeat(300 * (1 + (int)Math.floorMod(key / 6, 17))) + key;
            default:
                return "a-longer-word-" + key;
        }
    }

    private static boolean isTimeoutBatch(final long b)
    {
        return b % SWEEP_EVERY == 0;
    }

    private static void addMapped(final List<String> tokens, final LongVector mapped)
    {
        for (int i = 0; i < mapped.size(); i++)
        {
            final long value = mapped.get(i);
            tokens.add(value < TIMING_OUT / 2 ? "timeout:" + (value - TIMING_OUT) : Long.toString(value));
        }
    }

    /** Long keys, an update function that adds, removes, leaves untouched and never sets. */
    private static final class LongUpdate implements Harness
    {
        static final LongUpdateFunction FUNCTION = (key, values, state) -> updateSum(key, values.size(),
            values.size() > 0 ? values.sum() * 2 + values.get(0) : 0, state, null);

        private final long[] counters = new long[2];
        private final LongLongUpdateStateOperator op = new LongLongUpdateStateOperator((key, values, state) ->
            updateSum(key, values.size(), values.size() > 0 ? values.sum() * 2 + values.get(0) : 0, state, counters));
        private final PairColumns columns = new PairColumns();
        private final LongVector outKeys = new LongVector(16);
        private final LongVector outValues = new LongVector(16);

        @Override
        public List<String> run(final long b, final List<Pair<Long, Long>> batch)
        {
            columns.fill(batch);
            outKeys.clear();
            outValues.clear();
            final int n = op.update(columns.keys.address(), columns.values.address(), 0, columns.size(), outKeys,
                outValues);
            final List<String> tokens = new ArrayList<>();
            tokens.add("n=" + n + " size=" + op.stateSize());
            for (int i = 0; i < outKeys.size(); i++)
            {
                tokens.add(outKeys.get(i) + ":" + outValues.get(i));
            }
            return tokens;
        }

        @Override
        public void writeState(final DataOutput out) throws IOException
        {
            op.writeState(out);
        }

        @Override
        public void readState(final DataInput in) throws IOException
        {
            op.readState(in);
        }

        @Override
        public long removals()
        {
            return counters[0];
        }

        @Override
        public long timeouts()
        {
            return 0;
        }

        @Override
        public void close()
        {
            op.close();
            columns.close();
            outKeys.close();
            outValues.close();
        }
    }

    /**
     * The update functions' rule: with values, the state grows by {@code add} plus {@code salt} (a key that would
     * land on a multiple of 5 loses its state, or never gets one); without, a state that is a multiple of 3 is
     * removed, one that is 1 more grows by 1, the rest stay untouched.
     */
    static void updateSum(final long salt, final int valueCount, final long add, final LongState state,
        final long[] counters)
    {
        if (valueCount == 0)
        {
            final long s = state.get();
            if (Math.floorMod(s, 3) == 0)
            {
                state.remove();
                if (counters != null)
                {
                    counters[0]++;
                }
            }
            else if (Math.floorMod(s, 3) == 1)
            {
                state.update(s + 1);
            }
            return;
        }
        final long s = (state.exists() ? state.get() : 0) + add + salt;
        if (Math.floorMod(s, 5) == 0)
        {
            if (state.exists())
            {
                state.remove();
                if (counters != null)
                {
                    counters[0]++;
                }
            }
        }
        else
        {
            state.update(s);
        }
    }

    /**
     * The mapping functions' rule: a timing-out key maps to {@link #TIMING_OUT} + state; value 5 removes the key
     * (maps to -salt - 1); value 4 reads without updating (the timeout still refreshes the key's time); others add
     * {@code value + salt} and map to the new state.
     */
    static long mapSum(final long salt, final long value, final LongState state, final long[] counters)
    {
        if (state.isTimingOut())
        {
            if (counters != null)
            {
                counters[1]++;
            }
            return TIMING_OUT + state.get();
        }
        if (value == 5)
        {
            if (state.exists())
            {
                state.remove();
                if (counters != null)
                {
                    counters[0]++;
                }
            }
            return -salt - 1;
        }
        if (value == 4)
        {
            return state.exists() ? state.get() : 0;
        }
        final long s = (state.exists() ? state.get() : 0) + value + salt;
        state.update(s);
        return s;
    }

    /** Long keys, mapWithState with a timeout (sweeps every {@link #SWEEP_EVERY} batches). */
    private static final class LongMap implements Harness
    {
        static final LongMappingFunction FUNCTION = (key, hasValue, value, state) -> mapSum(key, value, state, null);

        private final long[] counters = new long[2];
        private final LongLongMapWithStateOperator op = new LongLongMapWithStateOperator((key, hasValue, value,
            state) -> mapSum(key, value, state, counters), TIMEOUT_MS, ZERO_MS, BATCH_MS);
        private final PairColumns columns = new PairColumns();
        private final LongVector mapped = new LongVector(16);
        private final LongVector outKeys = new LongVector(16);
        private final LongVector outStates = new LongVector(16);

        @Override
        public List<String> run(final long b, final List<Pair<Long, Long>> batch)
        {
            columns.fill(batch);
            mapped.clear();
            final int n = op.update(ZERO_MS + b * BATCH_MS, columns.keys.address(), columns.values.address(), 0,
                columns.size(), isTimeoutBatch(b), mapped);
            final List<String> tokens = new ArrayList<>();
            tokens.add("n=" + n);
            addMapped(tokens, mapped);
            outKeys.clear();
            outStates.clear();
            tokens.add("state=" + op.snapshot(outKeys, outStates) + " size=" + op.stateSize());
            for (int i = 0; i < outKeys.size(); i++)
            {
                tokens.add(outKeys.get(i) + ":" + outStates.get(i));
            }
            return tokens;
        }

        @Override
        public void writeState(final DataOutput out) throws IOException
        {
            op.writeState(out);
        }

        @Override
        public void readState(final DataInput in) throws IOException
        {
            op.readState(in);
        }

        @Override
        public long removals()
        {
            return counters[0];
        }

        @Override
        public long timeouts()
        {
            return counters[1];
        }

        @Override
        public void close()
        {
            op.close();
            columns.close();
            mapped.close();
            outKeys.close();
            outStates.close();
        }
    }

    /** Fills {@code keys} and {@code values} with {@code batch}, keys as {@link #word}s. */
    private static void fillText(final BytesColumn keys, final LongVector values, final List<Pair<Long, Long>> batch)
    {
        keys.clear();
        values.clear();
        for (final Pair<Long, Long> pair : batch)
        {
            keys.appendString(word(pair.key()));
            values.add(pair.value());
        }
    }

    /** A salt that depends on the key's text (so a key mapped to another's state would show). */
    private static long salt(final CharSequence key)
    {
        return key.length() == 0 ? 11 : key.length() * 3L + key.charAt(key.length() - 1);
    }

    /** Text keys, the long update rule salted by the key's text. */
    private static final class StringUpdate implements Harness
    {
        private final long[] counters = new long[2];
        private final StringLongUpdateStateOperator op = new StringLongUpdateStateOperator((key, values, state) ->
            updateSum(salt(key), values.size(), values.size() > 0 ? values.sum() * 2 + values.get(0) : 0, state,
                counters));
        private final BytesColumn keys = BytesColumn.allocate(16, 1024);
        private final LongVector values = new LongVector(16);
        private final BytesColumn outKeys = BytesColumn.allocate(16, 1024);
        private final LongVector outValues = new LongVector(16);

        @Override
        public List<String> run(final long b, final List<Pair<Long, Long>> batch)
        {
            fillText(keys, values, batch);
            outKeys.clear();
            outValues.clear();
            final int n = op.update(batch.isEmpty() ? null : keys, values.address(), 0, batch.size(), outKeys,
                outValues);
            final List<String> tokens = new ArrayList<>();
            tokens.add("n=" + n + " size=" + op.stateSize() + " dictionary=" + op.dictionarySize() + " keyBytes="
                + op.keyBytes());
            for (int i = 0; i < outKeys.size(); i++)
            {
                tokens.add(outKeys.string(i) + ":" + outValues.get(i));
            }
            return tokens;
        }

        @Override
        public void writeState(final DataOutput out) throws IOException
        {
            op.writeState(out);
        }

        @Override
        public void readState(final DataInput in) throws IOException
        {
            op.readState(in);
        }

        @Override
        public long removals()
        {
            return counters[0];
        }

        @Override
        public long timeouts()
        {
            return 0;
        }

        @Override
        public void close()
        {
            op.close();
            keys.close();
            values.close();
            outKeys.close();
            outValues.close();
        }
    }

    /** Text keys, the long mapping rule salted by the key's text, with a timeout. */
    private static final class StringMap implements Harness
    {
        static final StringMappingFunction FUNCTION = (key, hasValue, value, state) -> mapSum(salt(key), value,
            state, null);

        private final long[] counters = new long[2];
        private final StringLongMapWithStateOperator op = new StringLongMapWithStateOperator((key, hasValue, value,
            state) -> mapSum(salt(key), value, state, counters), TIMEOUT_MS, ZERO_MS, BATCH_MS);
        private final BytesColumn keys = BytesColumn.allocate(16, 1024);
        private final LongVector values = new LongVector(16);
        private final LongVector mapped = new LongVector(16);
        private final BytesColumn outKeys = BytesColumn.allocate(16, 1024);
        private final LongVector outStates = new LongVector(16);

        @Override
        public List<String> run(final long b, final List<Pair<Long, Long>> batch)
        {
            fillText(keys, values, batch);
            mapped.clear();
            final int n = op.update(ZERO_MS + b * BATCH_MS, batch.isEmpty() ? null : keys, values.address(), 0,
                batch.size(), isTimeoutBatch(b), mapped);
            final List<String> tokens = new ArrayList<>();
            tokens.add("n=" + n);
            addMapped(tokens, mapped);
            outKeys.clear();
            outStates.clear();
            tokens.add("state=" + op.snapshot(outKeys, outStates) + " size=" + op.stateSize() + " dictionary="
                + op.dictionarySize() + " keyBytes=" + op.keyBytes());
            for (int i = 0; i < outKeys.size(); i++)
            {
                tokens.add(outKeys.string(i) + ":" + outStates.get(i));
            }
            return tokens;
        }

        @Override
        public void writeState(final DataOutput out) throws IOException
        {
            op.writeState(out);
        }

        @Override
        public void readState(final DataInput in) throws IOException
        {
            op.readState(in);
        }

        @Override
        public long removals()
        {
            return counters[0];
        }

        @Override
        public long timeouts()
        {
            return counters[1];
        }

        @Override
        public void close()
        {
            op.close();
            keys.close();
            values.close();
            mapped.close();
            outKeys.close();
            outStates.close();
        }
    }
}

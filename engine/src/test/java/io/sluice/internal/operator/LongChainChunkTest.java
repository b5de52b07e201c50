package io.sluice.internal.operator;

import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.gen.IntVector;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.memory.OffHeapLeakCheck;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The chunked fused kernel ({@link LongChain}) at and around chunk boundaries: batch sizes 0, 1, chunk - 1, chunk,
 * chunk + 1 and several chunks, filters rejecting everything or nothing, with and without an input selection, into
 * a column, a selection and pair columns. Each case is checked against a plain element-by-element reference: the
 * same outputs in the same order, and each function called exactly once per element that reaches it, in element
 * order.
 */
@ExtendWith(OffHeapLeakCheck.class)
class LongChainChunkTest
{
    private static final int CHUNK = LongChain.CHUNK;
    private static final int[] SIZES = {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 17};

    /** A chain described by stage kinds: 'm' map, 'f' filter, 'n' filter rejecting nothing, 'x' rejecting all. */
    static Stream<Arguments> cases()
    {
        final List<Arguments> cases = new ArrayList<>();
        for (final String stages : List.of("m", "f", "n", "x", "mfm", "fmf", "nn", "mxm", "ffm", "mnfnm"))
        {
            for (final int size : SIZES)
            {
                for (final boolean isSelected : new boolean[] {false, true})
                {
                    cases.add(Arguments.of(stages, size, isSelected));
                }
            }
        }
        return cases.stream();
    }

    /** Functions that log their arguments, so calls and their order are checked. */
    private static final class Logged
    {
        final List<List<Long>> calls = new ArrayList<>();

        private List<Long> nextLog()
        {
            final List<Long> log = new ArrayList<>();
            calls.add(log);
            return log;
        }

        LongUnaryOperator map(final LongUnaryOperator f)
        {
            final List<Long> log = nextLog();
            return x -> f.applyAsLong(logged(log, x));
        }

        LongPredicate filter(final LongPredicate p)
        {
            final List<Long> log = nextLog();
            return x -> p.test(logged(log, x));
        }

        private static long logged(final List<Long> log, final long x)
        {
            log.add(x);
            return x;
        }
    }

    private static LongUnaryOperator mapFunction(final int stage)
    {
        return x -> x * (stage + 3) + 1;
    }

    private static LongPredicate filterFunction(final char kind)
    {
        return switch (kind)
        {
            case 'n' -> x -> true;
            case 'x' -> x -> false;
            default -> x -> x % 3 != 0;
        };
    }

    /** The chain of {@code stages} with logged functions. */
    private static LongChain chain(final String stages, final Logged logged)
    {
        LongChain chain = null;
        for (int s = 0; s < stages.length(); s++)
        {
            final char kind = stages.charAt(s);
            final LongChain stage = kind == 'm'
                ? LongChain.map(logged.map(mapFunction(s)))
                : LongChain.filter(logged.filter(filterFunction(kind)));
            chain = chain == null ? stage : chain.then(stage);
        }
        return chain;
    }

    /** Element by element: the surviving rows and values, and each function's expected calls. */
    private record Reference(List<Integer> rows, List<Long> values, List<List<Long>> calls)
    {
        static Reference of(final String stages, final long[] column, final int[] rows)
        {
            final List<List<Long>> calls = new ArrayList<>();
            for (int s = 0; s < stages.length(); s++)
            {
                calls.add(new ArrayList<>());
            }
            final List<Integer> outRows = new ArrayList<>();
            final List<Long> outValues = new ArrayList<>();
            elements:
            for (final int row : rows)
            {
                long v = column[row];
                for (int s = 0; s < stages.length(); s++)
                {
                    final char kind = stages.charAt(s);
                    calls.get(s).add(v);
                    if (kind == 'm')
                    {
                        v = mapFunction(s).applyAsLong(v);
                    }
                    else if (!filterFunction(kind).test(v))
                    {
                        continue elements;
                    }
                }
                outRows.add(row);
                outValues.add(v);
            }
            return new Reference(outRows, outValues, calls);
        }
    }

    private static List<Long> longs(final LongVector vector)
    {
        final List<Long> out = new ArrayList<>();
        for (int i = 0; i < vector.size(); i++)
        {
            out.add(vector.get(i));
        }
        return out;
    }

    private static List<Integer> ints(final IntVector vector)
    {
        final List<Integer> out = new ArrayList<>();
        for (int i = 0; i < vector.size(); i++)
        {
            out.add(vector.get(i));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} over {1} rows, selection {2}")
    @MethodSource("cases")
    void chunkedChainMatchesElementByElement(final String stages, final int size, final boolean isSelected)
    {
        final SplittableRandom random = new SplittableRandom(stages.hashCode() * 31L + size);
        final int physical = isSelected ? 2 * size + 5 : size;
        final long[] column = new long[physical];
        final LongVector vector = new LongVector(Math.max(1, physical));
        for (int i = 0; i < physical; i++)
        {
            column[i] = random.nextLong(-1000, 1000);
            vector.add(column[i]);
        }
        final int[] rows = new int[size];
        final IntVector selection = new IntVector(Math.max(1, size));
        for (int i = 0, row = 0; i < size; i++)
        {
            row += isSelected ? 1 + random.nextInt(2) : (i == 0 ? 0 : 1);
            rows[i] = isSelected ? row : i;
            selection.add(rows[i]);
        }
        final Reference expected = Reference.of(stages, column, rows);
        try (ColumnBatch owner = ColumnBatch.of(vector);
            ColumnBatch in = isSelected ? ColumnBatch.withSelection(owner, selection) : owner)
        {
            if (!isSelected)
            {
                selection.close();
            }
            final Logged toBatch = new Logged();
            final LongChain chain = chain(stages, toBatch);
            try (ColumnBatch out = LongChainStage.applyFused(in, chain))
            {
                if (chain.hasMap())
                {
                    assertEquals(expected.values(), longs(out.longs(0)), "values");
                }
                else
                {
                    assertEquals(expected.rows(), ints(out.selection()), "selected rows");
                }
            }
            assertEquals(expected.calls(), toBatch.calls, "each function once per element reaching it, in order");

            final Logged toPairs = new Logged();
            final List<Long> keyCalls = new ArrayList<>();
            final List<Long> valueCalls = new ArrayList<>();
            try (ColumnBatch pairs = LongMapToPairOperator.applyFused(in, chain(stages, toPairs), x ->
            {
                keyCalls.add(x);
                return x & 7;
            }, x ->
            {
                valueCalls.add(x);
                return -x;
            }))
            {
                final List<Long> keys = new ArrayList<>();
                final List<Long> values = new ArrayList<>();
                for (final long v : expected.values())
                {
                    keys.add(v & 7);
                    values.add(-v);
                }
                assertEquals(keys, longs(pairs.longs(0)), "keys");
                assertEquals(values, longs(pairs.longs(1)), "values");
            }
            assertEquals(expected.calls(), toPairs.calls, "chain before the pairs");
            assertEquals(expected.values(), keyCalls, "key once per survivor, in order");
            assertEquals(expected.values(), valueCalls, "value once per survivor, in order");
        }
    }
}

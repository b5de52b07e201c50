package io.sluice.internal.operator;

import io.sluice.internal.state.SelectedRows;
import org.agrona.UnsafeApi;

import java.util.Arrays;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;

/**
 * A fused run of consecutive narrow fast-path stages over one long column ({@code LongDStream.map} and
 * {@code filter}), applied element by element in ONE loop: an element goes through the stages in order, a map
 * replaces it, a filter that rejects it ends its trip. Built by {@link LongChainFusion} when the graph starts; each
 * stage's function still runs exactly once per element that reaches it, as in the unfused operators.
 *
 * <p>Immutable. The kernels allocate nothing.
 */
public final class LongChain
{
    private final LongUnaryOperator[] maps;
    private final LongPredicate[] predicates;
    private final boolean hasMap;

    private LongChain(final LongUnaryOperator[] maps, final LongPredicate[] predicates)
    {
        this.maps = maps;
        this.predicates = predicates;
        boolean anyMap = false;
        for (final LongUnaryOperator map : maps)
        {
            anyMap |= map != null;
        }
        this.hasMap = anyMap;
    }

    /** One map stage. */
    public static LongChain map(final LongUnaryOperator f)
    {
        return new LongChain(new LongUnaryOperator[] {f}, new LongPredicate[1]);
    }

    /** One filter stage. */
    public static LongChain filter(final LongPredicate p)
    {
        return new LongChain(new LongUnaryOperator[1], new LongPredicate[] {p});
    }

    /** This chain's stages, then {@code next}'s. */
    public LongChain then(final LongChain next)
    {
        final int n = maps.length;
        final LongUnaryOperator[] joinedMaps = Arrays.copyOf(maps, n + next.maps.length);
        final LongPredicate[] joinedPredicates = Arrays.copyOf(predicates, n + next.predicates.length);
        System.arraycopy(next.maps, 0, joinedMaps, n, next.maps.length);
        System.arraycopy(next.predicates, 0, joinedPredicates, n, next.predicates.length);
        return new LongChain(joinedMaps, joinedPredicates);
    }

    /** Stages in the chain. */
    public int length()
    {
        return maps.length;
    }

    /** Whether some stage maps (the output is then a new column; else a selection over the input). */
    public boolean hasMap()
    {
        return hasMap;
    }

    /**
     * Runs the chain over {@code count} rows of the long column at {@code srcAddress} (named by the int selection at
     * {@code selectionAddress}, 0: rows 0 to count - 1). Each surviving element is written as a long to
     * {@code valuesAddress} when it is not 0, else its row as an int to {@code rowsAddress}; returns how many
     * survived.
     */
    public int run(final long srcAddress, final long selectionAddress, final int count, final long valuesAddress,
        final long rowsAddress)
    {
        return runInto(srcAddress, selectionAddress, count, valuesAddress, rowsAddress, null, null, 0);
    }

    /**
     * As {@link #run}, then {@code key} and {@code value} of each surviving element into the two long columns
     * ({@code LongDStream.mapToLongPair} at the chain's end); returns how many pairs.
     */
    public int runToPairs(final long srcAddress, final long selectionAddress, final int count,
        final LongUnaryOperator key, final LongUnaryOperator value, final long keysAddress, final long valuesAddress)
    {
        return runInto(srcAddress, selectionAddress, count, valuesAddress, 0, key, value, keysAddress);
    }

    /** The one loop: pairs when {@code key} is set, else values or rows as {@link #run} says. */
    private int runInto(final long srcAddress, final long selectionAddress, final int count, final long valuesAddress,
        final long rowsAddress, final LongUnaryOperator key, final LongUnaryOperator value, final long keysAddress)
    {
        final LongUnaryOperator[] maps = this.maps;
        final LongPredicate[] predicates = this.predicates;
        final int stages = maps.length;
        int out = 0;
        rows:
        for (int i = 0; i < count; i++)
        {
            final int row = SelectedRows.row(selectionAddress, i);
            long v = UnsafeApi.getLong(srcAddress + ((long)row << 3));
            for (int s = 0; s < stages; s++)
            {
                final LongUnaryOperator map = maps[s];
                if (map != null)
                {
                    v = map.applyAsLong(v);
                }
                else if (!predicates[s].test(v))
                {
                    continue rows;
                }
            }
            if (key != null)
            {
                UnsafeApi.putLong(keysAddress + ((long)out << 3), key.applyAsLong(v));
                UnsafeApi.putLong(valuesAddress + ((long)out << 3), value.applyAsLong(v));
            }
            else if (valuesAddress != 0)
            {
                UnsafeApi.putLong(valuesAddress + ((long)out << 3), v);
            }
            else
            {
                UnsafeApi.putInt(rowsAddress + ((long)out << 2), row);
            }
            out++;
        }
        return out;
    }
}

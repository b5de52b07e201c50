package io.sluice.internal.operator;

import org.agrona.UnsafeApi;

import java.util.Arrays;
import java.util.function.LongPredicate;
import java.util.function.LongUnaryOperator;

/**
 * A fused run of consecutive narrow fast-path stages over one long column ({@code LongDStream.map} and
 * {@code filter}, optionally followed by the pair extraction of {@code mapToLongPair}), built by
 * {@link LongChainFusion} when the graph starts.
 *
 * <p>It runs vectorised in chunks of {@link #CHUNK} rows: a chunk's elements are copied into a small reused
 * buffer that stays in the L1 cache, then each stage runs over the whole chunk in its own tight loop (a map
 * rewrites the buffer in place, a filter compacts it, keeping the surviving rows alongside when the output is a
 * selection), and the chunk's survivors are written once to the output column, selection or pair columns. So no
 * intermediate full column is materialised, and no element pays a per-stage dispatch. Each stage's function still
 * runs exactly once per element that reaches it, in element order, as in the unfused operators (which also run
 * stage after stage); outputs keep the input order.
 *
 * <p>Immutable. The kernels allocate nothing on the heap after a thread's first run (its chunk buffers, 12 KiB,
 * are per thread and reused).
 */
public final class LongChain
{
    /** Rows per chunk: the chunk's values (8 KiB) and rows (4 KiB) stay in the L1 cache. */
    public static final int CHUNK = 1024;

    private static final long LONG_ARRAY_BASE = UnsafeApi.arrayBaseOffset(long[].class);
    private static final long INT_ARRAY_BASE = UnsafeApi.arrayBaseOffset(int[].class);
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

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

    /** The chunked run: pairs when {@code key} is set, else values or rows as {@link #run} says. */
    private int runInto(final long srcAddress, final long selectionAddress, final int count, final long valuesAddress,
        final long rowsAddress, final LongUnaryOperator key, final LongUnaryOperator value, final long keysAddress)
    {
        final Scratch scratch = SCRATCH.get();
        final long[] chunk = scratch.values;
        final int[] rows = scratch.rows;
        final boolean isSelectionOut = key == null && valuesAddress == 0;
        int out = 0;
        for (int first = 0; first < count; first += CHUNK)
        {
            int n = Math.min(CHUNK, count - first);
            load(srcAddress, selectionAddress, first, n, chunk, rows, isSelectionOut);
            for (int s = 0; s < maps.length && n > 0; s++)
            {
                final LongUnaryOperator map = maps[s];
                if (map != null)
                {
                    mapChunk(chunk, n, map);
                }
                else
                {
                    n = isSelectionOut ? filterChunkAndRows(chunk, rows, n, predicates[s])
                        : filterChunk(chunk, n, predicates[s]);
                }
            }
            if (key != null)
            {
                pairsChunk(chunk, n, key, value, keysAddress + ((long)out << 3), valuesAddress + ((long)out << 3));
            }
            else if (valuesAddress != 0)
            {
                UnsafeApi.copyMemory(chunk, LONG_ARRAY_BASE, null, valuesAddress + ((long)out << 3), (long)n << 3);
            }
            else
            {
                UnsafeApi.copyMemory(rows, INT_ARRAY_BASE, null, rowsAddress + ((long)out << 2), (long)n << 2);
            }
            out += n;
        }
        return out;
    }

    /** Copies the {@code n} elements from row {@code first} on into {@code chunk} (and their rows when asked). */
    private static void load(final long srcAddress, final long selectionAddress, final int first, final int n,
        final long[] chunk, final int[] rows, final boolean isSelectionOut)
    {
        if (selectionAddress == 0)
        {
            UnsafeApi.copyMemory(null, srcAddress + ((long)first << 3), chunk, LONG_ARRAY_BASE, (long)n << 3);
            if (isSelectionOut)
            {
                for (int j = 0; j < n; j++)
                {
                    rows[j] = first + j;
                }
            }
        }
        else
        {
            for (int j = 0; j < n; j++)
            {
                final int row = UnsafeApi.getInt(selectionAddress + ((long)(first + j) << 2));
                rows[j] = row;
                chunk[j] = UnsafeApi.getLong(srcAddress + ((long)row << 3));
            }
        }
    }

    /** {@code chunk[j] = f(chunk[j])} for the first {@code n}. */
    private static void mapChunk(final long[] chunk, final int n, final LongUnaryOperator f)
    {
        for (int j = 0; j < n; j++)
        {
            chunk[j] = f.applyAsLong(chunk[j]);
        }
    }

    /**
     * Keeps, in order, the first {@code n} elements passing {@code p} at the front of {@code chunk}; how many. Each
     * element is written at the next free place and kept by counting it, without a branch on the predicate (random
     * selectivity costs no mispredictions).
     */
    private static int filterChunk(final long[] chunk, final int n, final LongPredicate p)
    {
        int kept = 0;
        for (int j = 0; j < n; j++)
        {
            final long v = chunk[j];
            chunk[kept] = v;
            kept += p.test(v) ? 1 : 0;
        }
        return kept;
    }

    /** As {@link #filterChunk}, compacting {@code rows} alongside. */
    private static int filterChunkAndRows(final long[] chunk, final int[] rows, final int n, final LongPredicate p)
    {
        int kept = 0;
        for (int j = 0; j < n; j++)
        {
            final long v = chunk[j];
            rows[kept] = rows[j];
            chunk[kept] = v;
            kept += p.test(v) ? 1 : 0;
        }
        return kept;
    }

    /** {@code key} then {@code value} of each of the first {@code n} elements into the two long columns. */
    private static void pairsChunk(final long[] chunk, final int n, final LongUnaryOperator key,
        final LongUnaryOperator value, final long keysAddress, final long valuesAddress)
    {
        for (int j = 0; j < n; j++)
        {
            final long v = chunk[j];
            UnsafeApi.putLong(keysAddress + ((long)j << 3), key.applyAsLong(v));
            UnsafeApi.putLong(valuesAddress + ((long)j << 3), value.applyAsLong(v));
        }
    }

    /** One thread's chunk buffers, allocated on the thread's first run and reused for every later batch. */
    private static final class Scratch
    {
        final long[] values = new long[CHUNK];
        final int[] rows = new int[CHUNK];
    }
}

package io.sluice.internal.operator;

import io.sluice.api.Pair;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.IntVector;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;
import org.agrona.UnsafeApi;

import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * {@code LongDStream.mapToLongPair(key, value)}: a key column and a value column from one long column, in one loop.
 * Allocates nothing on the heap per record. When {@link LongChainFusion} fused the narrow stages before it into it,
 * the chain and the pair extraction run from the chain's source in one chunked pass ({@link LongChain}).
 */
public final class LongMapToPairOperator extends Node<Pair<Long, Long>>
{
    private final Node<Long> parent;
    private final LongUnaryOperator key;
    private final LongUnaryOperator value;
    private Node<Long> fusedSource;
    private LongChain fusedChain;

    public LongMapToPairOperator(final Node<Long> parent, final LongUnaryOperator key, final LongUnaryOperator value)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.key = key;
        this.value = value;
    }

    /** The parent whose batches this operator reads unless fused. */
    public Node<Long> parent()
    {
        return parent;
    }

    /** Reads {@code source}'s batches and runs {@code chain} before the pair extraction (planning, before start). */
    public void fuse(final Node<Long> source, final LongChain chain)
    {
        fusedSource = source;
        fusedChain = chain;
    }

    @Override
    protected BatchData<Pair<Long, Long>> compute(final long time)
    {
        final LongChain chain = fusedChain;
        final BatchData<Long> in = (chain == null ? parent : fusedSource).getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.columnar(time, ColumnLayout.LONG_LONG_PAIRS, () -> chain == null
            ? apply(in.columns(ColumnLayout.LONGS), key, value)
            : applyFused(in.columns(ColumnLayout.LONGS), chain, key, value));
    }

    /** Runs {@code chain} over the selected rows of {@code in}, then {@code key} and {@code value} on survivors. */
    public static ColumnBatch applyFused(final ColumnBatch in, final LongChain chain, final LongUnaryOperator key,
        final LongUnaryOperator value)
    {
        final int size = in.size();
        final LongVector keys = new LongVector(size);
        final LongVector values = new LongVector(size);
        final IntVector selection = in.selection();
        final int n = chain.runToPairs(in.longs(0).address(), selection == null ? 0 : selection.address(), size, key,
            value, keys.address(), values.address());
        keys.size(n);
        values.size(n);
        return ColumnBatch.of(keys, values);
    }

    public static ColumnBatch apply(final ColumnBatch in, final LongUnaryOperator key, final LongUnaryOperator value)
    {
        final int size = in.size();
        final LongVector keys = new LongVector(size);
        final LongVector values = new LongVector(size);
        final IntVector selection = in.selection();
        final long src = in.longs(0).address();
        final long keysAddress = keys.address();
        final long valuesAddress = values.address();
        for (int i = 0; i < size; i++)
        {
            final int row = selection == null ? i : UnsafeApi.getInt(selection.address() + ((long)i << 2));
            final long element = UnsafeApi.getLong(src + ((long)row << 3));
            UnsafeApi.putLong(keysAddress + ((long)i << 3), key.applyAsLong(element));
            UnsafeApi.putLong(valuesAddress + ((long)i << 3), value.applyAsLong(element));
        }
        keys.size(size);
        values.size(size);
        return ColumnBatch.of(keys, values);
    }
}

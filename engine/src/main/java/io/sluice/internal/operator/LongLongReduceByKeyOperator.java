package io.sluice.internal.operator;

import io.sluice.api.Pair;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.IntVector;
import io.sluice.internal.gen.LongLongHashAggregator;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.List;
import java.util.function.LongBinaryOperator;

/**
 * {@code LongLongPairDStream.reduceByKey(f)}: one row per distinct key, keys in first-appearance order, each value
 * folded left to right with {@code f} in row order (exactly the generic {@code reduceByKey} over a
 * {@code LinkedHashMap}). One loop over the key and value columns into a generated open-addressing aggregator
 * that this operator keeps across batches (batches of one node are computed one at a time, on the job thread), so
 * in steady state the only allocation is per batch, not per record.
 */
public final class LongLongReduceByKeyOperator extends Node<Pair<Long, Long>>
{
    /** Initial key capacity of the aggregator; it grows to the largest batch's distinct keys and stays there. */
    private static final int INITIAL_KEYS = 1024;

    private final Node<Pair<Long, Long>> parent;
    private final LongBinaryOperator f;
    private final LongLongHashAggregator aggregator = new LongLongHashAggregator(INITIAL_KEYS);

    public LongLongReduceByKeyOperator(final Node<Pair<Long, Long>> parent, final LongBinaryOperator f)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.f = f;
    }

    @Override
    protected BatchData<Pair<Long, Long>> compute(final long time)
    {
        final BatchData<Pair<Long, Long>> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.columnar(time, ColumnLayout.LONG_LONG_PAIRS,
            () -> apply(in.columns(ColumnLayout.LONG_LONG_PAIRS), f, aggregator));
    }

    /** Reduces {@code in} with {@code aggregator} (cleared first and after). */
    public static ColumnBatch apply(final ColumnBatch in, final LongBinaryOperator f,
        final LongLongHashAggregator aggregator)
    {
        synchronized (aggregator)
        {
            aggregator.clear();
            final IntVector selection = in.selection();
            aggregator.aggregate(in.longs(0).address(), in.longs(1).address(),
                selection == null ? 0 : selection.address(), in.size(), f);
            final int keys = aggregator.size();
            final LongVector outKeys = new LongVector(keys);
            final LongVector outValues = new LongVector(keys);
            aggregator.copyTo(outKeys.address(), outValues.address());
            outKeys.size(keys);
            outValues.size(keys);
            aggregator.clear();
            return ColumnBatch.of(outKeys, outValues);
        }
    }
}

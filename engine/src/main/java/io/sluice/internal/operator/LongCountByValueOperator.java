package io.sluice.internal.operator;

import io.sluice.api.Pair;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.IntVector;
import io.sluice.internal.gen.LongLongHashAggregator;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;
import org.agrona.UnsafeApi;

import java.util.List;

/**
 * {@code LongDStream.countByValue()}: (value, count) per distinct value, values in first-appearance order, as the
 * generic {@code countByValue}. One loop over the column into a reused generated aggregator.
 */
public final class LongCountByValueOperator extends Node<Pair<Long, Long>>
{
    private static final int INITIAL_KEYS = 1024;

    private final Node<Long> parent;
    private final LongLongHashAggregator aggregator = new LongLongHashAggregator(INITIAL_KEYS);

    public LongCountByValueOperator(final Node<Long> parent)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
    }

    @Override
    protected BatchData<Pair<Long, Long>> compute(final long time)
    {
        final BatchData<Long> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.columnar(time, ColumnLayout.LONG_LONG_PAIRS,
            () -> apply(in.columns(ColumnLayout.LONGS), aggregator));
    }

    public static ColumnBatch apply(final ColumnBatch in, final LongLongHashAggregator aggregator)
    {
        synchronized (aggregator)
        {
            aggregator.clear();
            final IntVector selection = in.selection();
            count(in.longs(0).address(), selection == null ? 0 : selection.address(), in.size(), aggregator);
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

    /** Adds one per row to its value's count. */
    public static void count(final long valuesAddress, final long selectionAddress, final int count,
        final LongLongHashAggregator aggregator)
    {
        for (int i = 0; i < count; i++)
        {
            final long row = selectionAddress == 0 ? i : UnsafeApi.getInt(selectionAddress + ((long)i << 2));
            final int id = aggregator.insert(UnsafeApi.getLong(valuesAddress + (row << 3)), 0L);
            aggregator.value(id, aggregator.value(id) + 1);
        }
    }
}

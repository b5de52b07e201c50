package io.sluice.internal.operator;

import io.sluice.api.Pair;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.DoubleVector;
import io.sluice.internal.gen.IntVector;
import io.sluice.internal.gen.LongDoubleHashAggregator;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * {@code LongDoublePairDStream.reduceByKey(f)}: as {@link LongLongReduceByKeyOperator} with double values, on the
 * generated {@link LongDoubleHashAggregator}: keys in first-appearance order, values folded in row order.
 */
public final class LongDoubleReduceByKeyOperator extends Node<Pair<Long, Double>>
{
    private static final int INITIAL_KEYS = 1024;

    private final Node<Pair<Long, Double>> parent;
    private final DoubleBinaryOperator f;
    private final LongDoubleHashAggregator aggregator = new LongDoubleHashAggregator(INITIAL_KEYS);

    public LongDoubleReduceByKeyOperator(final Node<Pair<Long, Double>> parent, final DoubleBinaryOperator f)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.f = f;
    }

    @Override
    protected BatchData<Pair<Long, Double>> compute(final long time)
    {
        final BatchData<Pair<Long, Double>> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.columnar(time, ColumnLayout.LONG_DOUBLE_PAIRS,
            () -> apply(in.columns(ColumnLayout.LONG_DOUBLE_PAIRS), f, aggregator));
    }

    public static ColumnBatch apply(final ColumnBatch in, final DoubleBinaryOperator f,
        final LongDoubleHashAggregator aggregator)
    {
        synchronized (aggregator)
        {
            aggregator.clear();
            final IntVector selection = in.selection();
            aggregator.aggregate(in.longs(0).address(), in.doubles(1).address(),
                selection == null ? 0 : selection.address(), in.size(), f);
            final int keys = aggregator.size();
            final LongVector outKeys = new LongVector(keys);
            final DoubleVector outValues = new DoubleVector(keys);
            aggregator.copyTo(outKeys.address(), outValues.address());
            outKeys.size(keys);
            outValues.size(keys);
            aggregator.clear();
            return ColumnBatch.of(outKeys, outValues);
        }
    }
}

package io.sluice.internal.operator;

import io.sluice.api.Pair;
import io.sluice.internal.aggregate.BytesLongHashAggregator;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.BytesColumnDescriptor;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.IntVector;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;
import org.agrona.UnsafeApi;

import java.util.List;
import java.util.function.LongBinaryOperator;

/**
 * {@code StringLongPairDStream.reduceByKey(f)}: one pair per distinct key (compared as UTF-8 bytes, which is
 * {@code String.equals} for valid text), keys in first-appearance order, values folded in row order.
 */
public final class StringLongReduceByKeyOperator extends Node<Pair<String, Long>>
{
    private static final int INITIAL_KEYS = 1024;

    private final Node<Pair<String, Long>> parent;
    private final LongBinaryOperator f;
    private final BytesLongHashAggregator aggregator = new BytesLongHashAggregator(INITIAL_KEYS);

    public StringLongReduceByKeyOperator(final Node<Pair<String, Long>> parent, final LongBinaryOperator f)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.f = f;
    }

    @Override
    protected BatchData<Pair<String, Long>> compute(final long time)
    {
        final BatchData<Pair<String, Long>> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.columnar(time, ColumnLayout.STRING_LONG_PAIRS,
            () -> apply(in.columns(ColumnLayout.STRING_LONG_PAIRS), f, aggregator));
    }

    public static ColumnBatch apply(final ColumnBatch in, final LongBinaryOperator f,
        final BytesLongHashAggregator aggregator)
    {
        synchronized (aggregator)
        {
            aggregator.clear();
            final BytesColumn keys = in.bytes(0);
            final IntVector selection = in.selection();
            final long selectionAddress = selection == null ? 0 : selection.address();
            final long dataAddress = keys.dataAddress();
            final long slots = keys.slots().address();
            final long values = in.longs(1).address();
            final int count = in.size();
            for (int i = 0; i < count; i++)
            {
                final long row = selectionAddress == 0 ? i : UnsafeApi.getInt(selectionAddress + ((long)i << 2));
                final long slot = UnsafeApi.getLong(slots + (row << 3));
                aggregator.merge(dataAddress + BytesColumnDescriptor.offset(slot), BytesColumnDescriptor.length(slot),
                    UnsafeApi.getLong(values + (row << 3)), f);
            }
            final int distinct = aggregator.size();
            final BytesColumn outKeys = BytesColumn.allocate(distinct, aggregator.keyBytes());
            final LongVector outValues = new LongVector(distinct);
            aggregator.copyTo(outKeys, outValues);
            aggregator.clear();
            return ColumnBatch.of(outKeys, outValues);
        }
    }
}

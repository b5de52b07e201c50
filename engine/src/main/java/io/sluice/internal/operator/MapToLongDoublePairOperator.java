package io.sluice.internal.operator;

import io.sluice.api.Pair;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.DoubleVector;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * {@code DStream<T>.mapToLongDoublePair(key, value)}: the boundary from objects to a long-keyed double pair stream.
 * Allocates what the functions allocate, nothing per element itself.
 */
public final class MapToLongDoublePairOperator<T> extends Node<Pair<Long, Double>>
{
    private final Node<T> parent;
    private final ToLongFunction<? super T> key;
    private final ToDoubleFunction<? super T> value;

    public MapToLongDoublePairOperator(final Node<T> parent, final ToLongFunction<? super T> key,
        final ToDoubleFunction<? super T> value)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.key = key;
        this.value = value;
    }

    @Override
    protected BatchData<Pair<Long, Double>> compute(final long time)
    {
        final BatchData<T> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.columnar(time, ColumnLayout.LONG_DOUBLE_PAIRS, () ->
        {
            final List<List<T>> partitions = in.partitions();
            int rows = 0;
            for (final List<T> part : partitions)
            {
                rows += part.size();
            }
            final LongVector keys = new LongVector(rows);
            final DoubleVector values = new DoubleVector(rows);
            for (final List<T> part : partitions)
            {
                for (int i = 0, n = part.size(); i < n; i++)
                {
                    final T element = part.get(i);
                    keys.add(key.applyAsLong(element));
                    values.add(value.applyAsDouble(element));
                }
            }
            return ColumnBatch.of(keys, values);
        });
    }
}

package io.sluice.internal.operator;

import io.sluice.api.Pair;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * {@code DStream<T>.mapToLongPair(key, value)}: the boundary from objects to a long-keyed long pair stream.
 * Allocates what the functions allocate, nothing per element itself.
 */
public final class MapToLongPairOperator<T> extends Node<Pair<Long, Long>>
{
    private final Node<T> parent;
    private final ToLongFunction<? super T> key;
    private final ToLongFunction<? super T> value;

    public MapToLongPairOperator(final Node<T> parent, final ToLongFunction<? super T> key,
        final ToLongFunction<? super T> value)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.key = key;
        this.value = value;
    }

    @Override
    protected BatchData<Pair<Long, Long>> compute(final long time)
    {
        final BatchData<T> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.columnar(time, ColumnLayout.LONG_LONG_PAIRS, () ->
        {
            final List<List<T>> partitions = in.partitions();
            int rows = 0;
            for (final List<T> part : partitions)
            {
                rows += part.size();
            }
            final LongVector keys = new LongVector(rows);
            final LongVector values = new LongVector(rows);
            for (final List<T> part : partitions)
            {
                for (int i = 0, n = part.size(); i < n; i++)
                {
                    final T element = part.get(i);
                    keys.add(key.applyAsLong(element));
                    values.add(value.applyAsLong(element));
                }
            }
            return ColumnBatch.of(keys, values);
        });
    }
}

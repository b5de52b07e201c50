package io.sluice.internal.operator;

import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * {@code DStream<T>.mapToLong(f)}: the boundary from objects to a long column. Reads the parent's objects (its
 * partitions in order) and writes one long per element. Allocates what {@code f} allocates, nothing per element
 * itself.
 */
public final class MapToLongOperator<T> extends Node<Long>
{
    private final Node<T> parent;
    private final ToLongFunction<? super T> f;

    public MapToLongOperator(final Node<T> parent, final ToLongFunction<? super T> f)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.f = f;
    }

    @Override
    protected BatchData<Long> compute(final long time)
    {
        final BatchData<T> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.columnar(time, ColumnLayout.LONGS, () -> apply(in.partitions(), f));
    }

    static <T> ColumnBatch apply(final List<List<T>> partitions, final ToLongFunction<? super T> f)
    {
        int rows = 0;
        for (final List<T> part : partitions)
        {
            rows += part.size();
        }
        final LongVector out = new LongVector(rows);
        for (final List<T> part : partitions)
        {
            for (int i = 0, n = part.size(); i < n; i++)
            {
                out.add(f.applyAsLong(part.get(i)));
            }
        }
        return ColumnBatch.of(out);
    }
}

package io.sluice.internal.operator;

import io.sluice.api.Pair;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * {@code DStream<T>.mapToStringLongPair(key, value)}: the boundary from objects to a string-keyed long pair stream;
 * each key's UTF-8 bytes go into a bytes column. Allocates the key encodings (it is the object boundary).
 */
public final class MapToStringLongPairOperator<T> extends Node<Pair<String, Long>>
{
    private final Node<T> parent;
    private final Function<? super T, String> key;
    private final ToLongFunction<? super T> value;

    public MapToStringLongPairOperator(final Node<T> parent, final Function<? super T, String> key,
        final ToLongFunction<? super T> value)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.key = key;
        this.value = value;
    }

    @Override
    protected BatchData<Pair<String, Long>> compute(final long time)
    {
        final BatchData<T> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.columnar(time, ColumnLayout.STRING_LONG_PAIRS, () ->
        {
            final List<List<T>> partitions = in.partitions();
            int rows = 0;
            for (final List<T> part : partitions)
            {
                rows += part.size();
            }
            final BytesColumn keys = BytesColumn.allocate(rows, rows * 8);
            final LongVector values = new LongVector(rows);
            for (final List<T> part : partitions)
            {
                for (int i = 0, n = part.size(); i < n; i++)
                {
                    final T element = part.get(i);
                    final String k = key.apply(element);
                    if (k == null)
                    {
                        keys.close();
                        values.close();
                        throw new NullPointerException("mapToStringLongPair: the key function returned null");
                    }
                    keys.appendString(k);
                    values.add(value.applyAsLong(element));
                }
            }
            return ColumnBatch.of(keys, values);
        });
    }
}

package io.sluice.internal.operator;

import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.List;

/**
 * {@code count()} on any fast-path stream: one long per batch, the number of selected rows ({@code [0]} for an empty
 * batch, as the generic {@code count}). Reads only the row count: no loop over records.
 */
public final class CountOperator<T> extends Node<Long>
{
    private final Node<T> parent;
    private final ColumnLayout<T> layout;

    public CountOperator(final Node<T> parent, final ColumnLayout<T> layout)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.layout = layout;
    }

    @Override
    protected BatchData<Long> compute(final long time)
    {
        final BatchData<T> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.columnar(time, ColumnLayout.LONGS, () ->
        {
            final LongVector out = new LongVector(1);
            out.add(in.columns(layout).size());
            return ColumnBatch.of(out);
        });
    }
}

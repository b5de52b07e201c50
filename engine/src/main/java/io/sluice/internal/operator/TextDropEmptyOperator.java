package io.sluice.internal.operator;

import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.IntVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;
import org.agrona.UnsafeApi;

import java.util.List;

/**
 * {@code TextDStream.dropEmpty()}: keeps the non-empty texts, as a selection vector over the parent's column (no
 * copy). Fused into {@link TextCountByValueOperator} after {@code splitWords()}.
 */
public final class TextDropEmptyOperator extends Node<String>
{
    private final Node<String> parent;

    public TextDropEmptyOperator(final Node<String> parent)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
    }

    public Node<String> input()
    {
        return parent;
    }

    @Override
    protected BatchData<String> compute(final long time)
    {
        final BatchData<String> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.columnar(time, ColumnLayout.TEXT, () -> apply(in.columns(ColumnLayout.TEXT)));
    }

    public static ColumnBatch apply(final ColumnBatch in)
    {
        final BytesColumn text = in.bytes(0);
        final int size = in.size();
        final IntVector inSelection = in.selection();
        final long inSelectionAddress = inSelection == null ? 0 : inSelection.address();
        final IntVector selection = new IntVector(size);
        final long slots = text.slots().address();
        final long out = selection.address();
        int selected = 0;
        for (int i = 0; i < size; i++)
        {
            final int row = inSelectionAddress == 0 ? i : UnsafeApi.getInt(inSelectionAddress + ((long)i << 2));
            if ((int)UnsafeApi.getLong(slots + ((long)row << 3)) != 0)
            {
                UnsafeApi.putInt(out + ((long)selected << 2), row);
                selected++;
            }
        }
        selection.size(selected);
        return ColumnBatch.withSelection(in, selection);
    }
}

package io.sluice.internal.operator;

import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.gen.IntVector;
import io.sluice.internal.graph.Node;
import org.agrona.UnsafeApi;

import java.util.function.LongPredicate;

/**
 * {@code LongDStream.filter(p)}: writes a selection vector over the parent's column instead of copying it (the
 * output batch views the parent's columns). Allocates nothing on the heap per record. When {@link LongChainFusion}
 * fused it with the narrow stages before it, it runs the whole chain from the chain's source in one loop.
 */
public final class LongFilterOperator extends LongChainStage
{
    private final LongPredicate p;

    public LongFilterOperator(final Node<Long> parent, final LongPredicate p)
    {
        super(parent);
        this.p = p;
    }

    @Override
    public LongChain stage()
    {
        return LongChain.filter(p);
    }

    @Override
    protected ColumnBatch applyStage(final ColumnBatch in)
    {
        return apply(in, p);
    }

    /** A view of {@code in} selecting the rows whose column 0 value passes {@code p}. */
    public static ColumnBatch apply(final ColumnBatch in, final LongPredicate p)
    {
        final int size = in.size();
        final IntVector selection = new IntVector(size);
        final IntVector inSelection = in.selection();
        final long src = in.longs(0).address();
        final int selected = inSelection == null
            ? select(src, size, selection.address(), p)
            : selectSelected(src, inSelection.address(), size, selection.address(), p);
        selection.size(selected);
        return ColumnBatch.withSelection(in, selection);
    }

    /** Writes the rows {@code i < count} with {@code p(src[i])} to {@code sel}; returns how many. */
    public static int select(final long srcAddress, final int count, final long selectionAddress, final LongPredicate p)
    {
        int selected = 0;
        for (int i = 0; i < count; i++)
        {
            if (p.test(UnsafeApi.getLong(srcAddress + ((long)i << 3))))
            {
                UnsafeApi.putInt(selectionAddress + ((long)selected << 2), i);
                selected++;
            }
        }
        return selected;
    }

    /** As {@link #select}, over the rows of an existing selection. */
    public static int selectSelected(final long srcAddress, final long inSelectionAddress, final int count,
        final long selectionAddress, final LongPredicate p)
    {
        int selected = 0;
        for (int i = 0; i < count; i++)
        {
            final int row = UnsafeApi.getInt(inSelectionAddress + ((long)i << 2));
            if (p.test(UnsafeApi.getLong(srcAddress + ((long)row << 3))))
            {
                UnsafeApi.putInt(selectionAddress + ((long)selected << 2), row);
                selected++;
            }
        }
        return selected;
    }
}

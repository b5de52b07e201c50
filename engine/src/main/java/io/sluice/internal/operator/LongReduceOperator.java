package io.sluice.internal.operator;

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
 * {@code LongDStream.reduce(f)}: one long per batch, folded left to right in row order; an empty batch gives an
 * empty batch (as the generic {@code reduce}). Allocates nothing on the heap per record.
 */
public final class LongReduceOperator extends Node<Long>
{
    private final Node<Long> parent;
    private final LongBinaryOperator f;

    public LongReduceOperator(final Node<Long> parent, final LongBinaryOperator f)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.f = f;
    }

    @Override
    protected BatchData<Long> compute(final long time)
    {
        final BatchData<Long> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.columnar(time, ColumnLayout.LONGS, () -> apply(in.columns(ColumnLayout.LONGS), f));
    }

    public static ColumnBatch apply(final ColumnBatch in, final LongBinaryOperator f)
    {
        final int size = in.size();
        final LongVector out = new LongVector(1);
        if (size > 0)
        {
            final IntVector selection = in.selection();
            final long src = in.longs(0).address();
            out.add(selection == null ? fold(src, size, f) : foldSelected(src, selection.address(), size, f));
        }
        return ColumnBatch.of(out);
    }

    /** {@code f(...f(f(src[0], src[1]), src[2])..., src[count-1])}; {@code count >= 1}. */
    public static long fold(final long srcAddress, final int count, final LongBinaryOperator f)
    {
        long acc = UnsafeApi.getLong(srcAddress);
        for (int i = 1; i < count; i++)
        {
            acc = f.applyAsLong(acc, UnsafeApi.getLong(srcAddress + ((long)i << 3)));
        }
        return acc;
    }

    public static long foldSelected(final long srcAddress, final long selectionAddress, final int count,
        final LongBinaryOperator f)
    {
        long acc = UnsafeApi.getLong(srcAddress + ((long)UnsafeApi.getInt(selectionAddress) << 3));
        for (int i = 1; i < count; i++)
        {
            final int row = UnsafeApi.getInt(selectionAddress + ((long)i << 2));
            acc = f.applyAsLong(acc, UnsafeApi.getLong(srcAddress + ((long)row << 3)));
        }
        return acc;
    }
}

package io.sluice.internal.operator;

import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.gen.IntVector;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.Node;
import org.agrona.UnsafeApi;

import java.util.function.LongUnaryOperator;

/**
 * {@code LongDStream.map(f)}: one long out per selected long in, into a new dense column (the selection is applied,
 * so the output has none). Allocates nothing on the heap per record. When {@link LongChainFusion} fused it with the
 * narrow stages before it, it runs the whole chain from the chain's source in one loop.
 */
public final class LongMapOperator extends LongChainStage
{
    private final LongUnaryOperator f;

    public LongMapOperator(final Node<Long> parent, final LongUnaryOperator f)
    {
        super(parent);
        this.f = f;
    }

    @Override
    public LongChain stage()
    {
        return LongChain.map(f);
    }

    @Override
    protected ColumnBatch applyStage(final ColumnBatch in)
    {
        return apply(in, f);
    }

    /** Maps the selected rows of {@code in}'s column 0 into a new batch. */
    public static ColumnBatch apply(final ColumnBatch in, final LongUnaryOperator f)
    {
        final int size = in.size();
        final LongVector out = new LongVector(size);
        final IntVector selection = in.selection();
        final long src = in.longs(0).address();
        if (selection == null)
        {
            map(src, size, out.address(), f);
        }
        else
        {
            mapSelected(src, selection.address(), size, out.address(), f);
        }
        out.size(size);
        return ColumnBatch.of(out);
    }

    /** {@code dst[i] = f(src[i])} for {@code count} longs. */
    public static void map(final long srcAddress, final int count, final long dstAddress, final LongUnaryOperator f)
    {
        for (int i = 0; i < count; i++)
        {
            final long offset = (long)i << 3;
            UnsafeApi.putLong(dstAddress + offset, f.applyAsLong(UnsafeApi.getLong(srcAddress + offset)));
        }
    }

    /** {@code dst[i] = f(src[sel[i]])} for {@code count} selected rows. */
    public static void mapSelected(final long srcAddress, final long selectionAddress, final int count,
        final long dstAddress, final LongUnaryOperator f)
    {
        for (int i = 0; i < count; i++)
        {
            final int row = UnsafeApi.getInt(selectionAddress + ((long)i << 2));
            UnsafeApi.putLong(dstAddress + ((long)i << 3), f.applyAsLong(UnsafeApi.getLong(srcAddress + ((long)row << 3))));
        }
    }
}

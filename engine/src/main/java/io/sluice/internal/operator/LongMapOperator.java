package io.sluice.internal.operator;

import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.IntVector;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;
import org.agrona.UnsafeApi;

import java.util.List;
import java.util.function.LongUnaryOperator;

/**
 * {@code LongDStream.map(f)}: one long out per selected long in, into a new dense column (the selection is applied,
 * so the output has none). Allocates nothing on the heap per record. When {@link LongChainFusion} fused it with the
 * narrow stages before it, it runs the whole chain from the chain's source in one loop.
 */
public final class LongMapOperator extends Node<Long> implements LongChainStage
{
    private final Node<Long> parent;
    private final LongUnaryOperator f;
    private Node<Long> fusedSource;
    private LongChain fusedChain;

    public LongMapOperator(final Node<Long> parent, final LongUnaryOperator f)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.f = f;
    }

    @Override
    public Node<Long> parent()
    {
        return parent;
    }

    @Override
    public LongChain stage()
    {
        return LongChain.map(f);
    }

    @Override
    public void fuse(final Node<Long> source, final LongChain chain)
    {
        fusedSource = source;
        fusedChain = chain;
    }

    @Override
    public Node<Long> fusedSource()
    {
        return fusedSource;
    }

    @Override
    public LongChain fusedChain()
    {
        return fusedChain;
    }

    @Override
    protected BatchData<Long> compute(final long time)
    {
        if (fusedChain != null)
        {
            return LongChainStage.computeFused(fusedSource, fusedChain, time);
        }
        final BatchData<Long> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.columnar(time, ColumnLayout.LONGS, () -> apply(in.columns(ColumnLayout.LONGS), f));
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

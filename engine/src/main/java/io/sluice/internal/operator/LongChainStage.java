package io.sluice.internal.operator;

import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.IntVector;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.List;

/**
 * A narrow one-column fast-path operator ({@link LongMapOperator}, {@link LongFilterOperator}) that
 * {@link LongChainFusion} can fuse with the stages before it. Unfused it runs its own {@link #stage()} over its
 * parent's batch; fused it reads the chain's source instead and runs the whole chain (ending with its own stage) in
 * one chunked pass ({@link LongChain}), while the absorbed operators are never computed.
 */
public abstract class LongChainStage extends Node<Long>
{
    private final Node<Long> parent;
    private Node<Long> fusedSource;
    private LongChain fusedChain;

    protected LongChainStage(final Node<Long> parent)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
    }

    /** The parent whose batches the operator reads unless fused. */
    public final Node<Long> parent()
    {
        return parent;
    }

    /** This operator's own stage. */
    public abstract LongChain stage();

    /** This operator alone over {@code in}'s column 0. */
    protected abstract ColumnBatch applyStage(ColumnBatch in);

    /** Reads {@code source}'s batches and runs {@code chain} (ending with this stage) instead (planning, at start). */
    public final void fuse(final Node<Long> source, final LongChain chain)
    {
        fusedSource = source;
        fusedChain = chain;
    }

    /** The node read when fused, else null. */
    public final Node<Long> fusedSource()
    {
        return fusedSource;
    }

    /** The chain run when fused (this stage last), else null. */
    public final LongChain fusedChain()
    {
        return fusedChain;
    }

    @Override
    protected final BatchData<Long> compute(final long time)
    {
        final LongChain chain = fusedChain;
        final BatchData<Long> in = (chain == null ? parent : fusedSource).getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.columnar(time, ColumnLayout.LONGS, () -> chain == null
            ? applyStage(in.columns(ColumnLayout.LONGS)) : applyFused(in.columns(ColumnLayout.LONGS), chain));
    }

    /**
     * Runs {@code chain} over the selected rows of {@code in}'s column 0 in one chunked pass: a new column when some
     * stage maps, else a selection over {@code in}'s columns.
     */
    public static ColumnBatch applyFused(final ColumnBatch in, final LongChain chain)
    {
        final int size = in.size();
        final IntVector inSelection = in.selection();
        final long selectionAddress = inSelection == null ? 0 : inSelection.address();
        final long src = in.longs(0).address();
        if (chain.hasMap())
        {
            final LongVector out = new LongVector(size);
            out.size(chain.run(src, selectionAddress, size, out.address(), 0));
            return ColumnBatch.of(out);
        }
        final IntVector selection = new IntVector(size);
        selection.size(chain.run(src, selectionAddress, size, 0, selection.address()));
        return ColumnBatch.withSelection(in, selection);
    }
}

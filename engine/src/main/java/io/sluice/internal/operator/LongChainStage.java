package io.sluice.internal.operator;

import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.IntVector;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

/**
 * A narrow one-column fast-path operator ({@link LongMapOperator}, {@link LongFilterOperator}) that
 * {@link LongChainFusion} can fuse with the stages before it: its own {@link #stage()}, and once fused the
 * materialised node it reads instead of its parent and the chain it runs.
 */
public interface LongChainStage
{
    /** The parent whose batches the operator reads unless fused. */
    Node<Long> parent();

    /** This operator's own stage. */
    LongChain stage();

    /** Reads {@code source}'s batches and runs {@code chain} (ending with this stage) instead (planning, before start). */
    void fuse(Node<Long> source, LongChain chain);

    /** The node read when fused, else null. */
    Node<Long> fusedSource();

    /** The chain run when fused (this stage last), else null. */
    LongChain fusedChain();

    /**
     * The batch of a fused chain at {@code time}: {@code chain} over {@code source}'s batch in one loop; a new column
     * when some stage maps, else a selection over the source's columns.
     */
    static BatchData<Long> computeFused(final Node<Long> source, final LongChain chain, final long time)
    {
        final BatchData<Long> in = source.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.columnar(time, ColumnLayout.LONGS, () -> applyFused(in.columns(ColumnLayout.LONGS), chain));
    }

    /** Runs {@code chain} over the selected rows of {@code in}'s column 0. */
    static ColumnBatch applyFused(final ColumnBatch in, final LongChain chain)
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

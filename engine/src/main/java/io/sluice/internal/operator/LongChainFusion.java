package io.sluice.internal.operator;

import io.sluice.internal.graph.Graph;
import io.sluice.internal.graph.Node;

import java.util.List;

/**
 * The physical-plan step that fuses chains of narrow fast-path operators on one long column when the context starts:
 * {@code LongDStream.map} and {@code filter}, optionally ending in {@code mapToLongPair}, run as ONE pass over the
 * chain's source batch instead of one pass (and one intermediate column) per operator; {@link LongChain} runs the
 * pass vectorised in cache-resident chunks.
 *
 * <p>An operator absorbs its parent when the parent is itself a map or filter that nothing else reads (exactly one
 * child in the graph: no second operator, output, window, {@code boxed()} view) and that is not persisted (persist,
 * cache, checkpoint). So fusion stops at, and materialises once, every stream that is read twice, kept, windowed or
 * output; the absorbed operators are never computed, and every function still runs exactly once per element that
 * reaches it. Fusion does not change results, element order or batch presence.
 */
public final class LongChainFusion
{
    private LongChainFusion()
    {
    }

    /** Fuses the graph's chains; returns how many operators were absorbed into a later one. */
    public static int fuse(final Graph graph)
    {
        final List<Node<?>> nodes = graph.nodes();
        final int[] readers = new int[nodes.size()];
        for (final Node<?> node : nodes)
        {
            for (final Node<?> parent : node.parents())
            {
                readers[parent.id()]++;
            }
        }
        int absorbed = 0;
        for (final Node<?> node : nodes)
        {
            if (node instanceof LongChainStage stage && isAbsorbable(stage.parent(), readers))
            {
                final LongChainStage parent = (LongChainStage)stage.parent();
                stage.fuse(sourceOf(parent), chainOf(parent).then(stage.stage()));
                absorbed++;
            }
            else if (node instanceof LongMapToPairOperator pairs && isAbsorbable(pairs.parent(), readers))
            {
                final LongChainStage parent = (LongChainStage)pairs.parent();
                pairs.fuse(sourceOf(parent), chainOf(parent));
                absorbed++;
            }
        }
        return absorbed;
    }

    private static boolean isAbsorbable(final Node<Long> parent, final int[] readers)
    {
        return parent instanceof LongChainStage && readers[parent.id()] == 1 && !parent.isPersisted();
    }

    /** What a stage reads when it runs as the end of a chain: its own source when it is fused, else its parent. */
    private static Node<Long> sourceOf(final LongChainStage stage)
    {
        return stage.fusedSource() != null ? stage.fusedSource() : stage.parent();
    }

    private static LongChain chainOf(final LongChainStage stage)
    {
        return stage.fusedChain() != null ? stage.fusedChain() : stage.stage();
    }
}

package io.sluice.internal.generic;

import io.sluice.api.SluiceException;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.List;

/** The rules of every multi-parent operator (union, transform, transformWith, joins, cogroup). */
final class MultiParent
{
    /** Spark's failure when a transform-like operator's parent has no batch. */
    static final String NO_PARENT_BATCH = "Couldn't generate RDD from parent";

    /** Spark's failure when a union's parent has no batch. */
    static final String NO_UNION_PARENT_BATCH = "Could not generate RDD from a parent for unifying";

    private MultiParent()
    {
    }

    /**
     * Throws {@link IllegalArgumentException} (Spark's {@code require}) unless there is at least one parent and all
     * parents produce batches at the same slide.
     */
    static void requireSameSlide(final List<? extends Node<?>> parents, final String operation)
    {
        if (parents.isEmpty())
        {
            throw new IllegalArgumentException("List of DStreams to " + operation + " is empty; pass at least one");
        }
        final long slide = parents.get(0).slideMs();
        for (final Node<?> parent : parents)
        {
            if (parent.slideMs() != slide)
            {
                final StringBuilder slides = new StringBuilder();
                for (final Node<?> p : parents)
                {
                    slides.append(slides.length() == 0 ? "" : ", ").append(p.slideMs()).append(" ms");
                }
                throw new IllegalArgumentException("Some of the DStreams have different slide durations (" + slides
                    + ") for " + operation + "; window them to one common slide duration first");
            }
        }
    }

    /**
     * The parent's batch at {@code time}; a parent without one fails the batch with {@link SluiceException}
     * "{@code failure} at time ..." (Spark's {@code SparkException} messages).
     */
    static <P> BatchData<P> parentBatch(final Node<P> parent, final long time, final String failure,
        final String operation)
    {
        final BatchData<P> batch = parent.getOrCompute(time);
        if (batch == null)
        {
            throw new SluiceException(failure + " at time " + time + " ms: parent " + parent.name() + " produced no "
                + "batch then. Every parent of " + operation + " must produce a batch at every batch time; make the "
                + "parent produce an empty batch instead of none");
        }
        return batch;
    }
}

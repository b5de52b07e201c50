package io.sluice.internal.generic;

import io.sluice.internal.graph.Node;

import java.util.List;

/** The rule every multi-parent operator (union, transformWith, joins, cogroup) checks when it is built. */
final class SameSlide
{
    private SameSlide()
    {
    }

    /**
     * Throws {@link IllegalArgumentException} (Spark's {@code require}) unless there is at least one parent and all
     * parents produce batches at the same slide.
     */
    static void require(final List<? extends Node<?>> parents, final String operation)
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
}

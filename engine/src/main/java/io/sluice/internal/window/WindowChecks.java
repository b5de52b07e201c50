package io.sluice.internal.window;

import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.List;

/** What the fast window nodes share with the generic ones: Spark's construction checks and entering batches. */
final class WindowChecks
{
    private WindowChecks()
    {
    }

    /** Spark's {@code require}s (IllegalArgumentException, the generic {@code ReducedWindowNode}'s text). */
    static void requireMultiples(final String what, final Node<?> parent, final long windowMs, final long slideMs)
    {
        final long parentSlide = parent.slideMs();
        if (windowMs <= 0 || windowMs % parentSlide != 0)
        {
            throw new IllegalArgumentException("requirement failed: The window duration of " + what + " (" + windowMs
                + " ms) must be multiple of the slide duration of parent DStream (" + parentSlide + " ms)");
        }
        if (slideMs <= 0 || slideMs % parentSlide != 0)
        {
            throw new IllegalArgumentException("requirement failed: The slide duration of " + what + " (" + slideMs
                + " ms) must be multiple of the slide duration of parent DStream (" + parentSlide + " ms)");
        }
    }

    /**
     * The parent's batches in {@code (time - span, time]} after zero time (the panes a slide at {@code time} adds:
     * span = min(window, slide)); times without a batch are skipped. Called on the generator thread.
     */
    static <T> List<BatchData<T>> enteringBatches(final Node<T> parent, final long time, final long span)
    {
        final long zero = parent.graph().zeroTime();
        final long step = parent.slideMs();
        final List<BatchData<T>> batches = new ArrayList<>();
        for (long t = time - span + step; t <= time; t += step)
        {
            if (t > zero)
            {
                final BatchData<T> batch = parent.getOrCompute(t);
                if (batch != null)
                {
                    batches.add(batch);
                }
            }
        }
        return batches;
    }
}

package io.sluice.internal.generic;

import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code window(window, slide)} (Spark's {@code WindowedDStream}): at every slide-aligned time {@code t} the union
 * of the parent's batches at times in {@code (t - window, t]}, partitions in time order. Partial windows are
 * emitted from the first slide-aligned time; with {@code slide > window} the batches between windows never appear.
 * Persists its parent (the parent's batches are read by several windows) and asks it to keep {@code window} more
 * history.
 */
public final class WindowNode<T> extends Node<T>
{
    private final Node<T> parent;
    private final long windowMs;
    private final long slideMs;

    /**
     * @throws IllegalArgumentException when {@code windowMs} or {@code slideMs} is not a positive multiple of the
     *                                  parent's slide (Spark's message text)
     */
    public WindowNode(final Node<T> parent, final long windowMs, final long slideMs)
    {
        super(parent.graph(), List.of(parent));
        requireMultiples("windowed DStream", "a multiple", parent, windowMs, slideMs, "");
        this.parent = parent;
        this.windowMs = windowMs;
        this.slideMs = slideMs;
        parent.persist();
    }

    /**
     * Spark's construction-time checks of a window over {@code parent}: window and slide are positive multiples of
     * the parent's slide. {@code prefix} is Spark's {@code "requirement failed: "} for {@code require} checks.
     */
    static void requireMultiples(final String what, final String multiple, final Node<?> parent, final long windowMs,
        final long slideMs, final String prefix)
    {
        final long parentSlide = parent.slideMs();
        if (windowMs <= 0 || windowMs % parentSlide != 0)
        {
            throw new IllegalArgumentException(prefix + "The window duration of " + what + " (" + windowMs
                + " ms) must be " + multiple + " of the slide duration of parent DStream (" + parentSlide + " ms)");
        }
        if (slideMs <= 0 || slideMs % parentSlide != 0)
        {
            throw new IllegalArgumentException(prefix + "The slide duration of " + what + " (" + slideMs
                + " ms) must be " + multiple + " of the slide duration of parent DStream (" + parentSlide + " ms)");
        }
    }

    public Node<T> parent()
    {
        return parent;
    }

    public long windowMs()
    {
        return windowMs;
    }

    @Override
    public long slideMs()
    {
        return slideMs;
    }

    @Override
    protected long parentRememberExtraMs()
    {
        return windowMs;
    }

    @Override
    protected BatchData<T> compute(final long time)
    {
        final List<BatchData<T>> inWindow = slice(parent, time - windowMs + parent.slideMs(), time);
        return BatchData.lazy(time, isPersisted(), () ->
        {
            final List<List<T>> partitions = new ArrayList<>();
            for (final BatchData<T> batch : inWindow)
            {
                partitions.addAll(batch.partitions());
            }
            if (partitions.isEmpty())
            {
                partitions.add(List.of());
            }
            return partitions;
        });
    }

    /**
     * Spark's {@code DStream.slice}: the batches {@code node} produced (or produces now, on demand) at its valid
     * times in {@code [from, to]}, both bounds aligned down onto its slide grid, times at or before zero time
     * skipped. Call under the graph's lock.
     */
    public static <P> List<BatchData<P>> slice(final Node<P> node, final long fromMs, final long toMs)
    {
        final long zero = node.graph().zeroTime();
        final long slide = node.slideMs();
        final long from = zero + Math.floorDiv(fromMs - zero, slide) * slide;
        final long to = zero + Math.floorDiv(toMs - zero, slide) * slide;
        final List<BatchData<P>> batches = new ArrayList<>();
        for (long time = from; time <= to; time += slide)
        {
            if (time > zero)
            {
                final BatchData<P> batch = node.getOrCompute(time);
                if (batch != null)
                {
                    batches.add(batch);
                }
            }
        }
        return batches;
    }
}

package io.sluice.internal.window;

import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Graph;
import io.sluice.internal.graph.Node;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The graph side every fast-path window node shares ({@link LongWindowNode}, {@link LongLongWindowNode},
 * {@link StringLongWindowNode}): at each slide time it folds the parent batches that entered the window into their
 * panes and slides the window (with an inverse: Spark's {@code ReducedWindowedDStream}, needs a checkpoint
 * directory; without: {@code WindowedDStream}). Slides run in time order exactly once: a batch forces the previous
 * slide's batch first if no job read it. Subclasses own the panes and say how a batch enters them and how a slide
 * is written out; both are called under one lock, never per record.
 *
 * @param <T> the element type of the parent and of this node
 */
abstract class SlidingWindowNode<T> extends Node<T> implements io.sluice.internal.checkpoint.StatefulNode
{
    private final Node<T> parent;
    private final ColumnLayout<T> layout;
    private final long windowMs;
    private final long slideMs;
    private final boolean isIncremental;
    private final Object lock = new Object();
    private long lastSlideMs = Long.MIN_VALUE;

    /**
     * Checks that window and slide are multiples of the parent's slide before the node joins the graph (so a refused
     * window leaves nothing behind) and before a subclass allocates its panes.
     */
    SlidingWindowNode(final Node<T> parent, final ColumnLayout<T> layout, final long windowMs, final long slideMs,
        final boolean isIncremental)
    {
        super(checkedGraph(parent, windowMs, slideMs, isIncremental), List.of(parent));
        this.parent = parent;
        this.layout = layout;
        this.windowMs = windowMs;
        this.slideMs = slideMs;
        this.isIncremental = isIncremental;
        persist();
    }

    private static Graph checkedGraph(final Node<?> parent, final long windowMs, final long slideMs,
        final boolean isIncremental)
    {
        WindowChecks.requireMultiples(isIncremental ? "ReducedWindowedDStream" : "WindowedDStream", parent,
            windowMs, slideMs);
        return parent.graph();
    }

    /** Folds one entering parent batch (columns in this node's layout) into the pane at {@code batchOffsetMs}. */
    abstract void add(long batchOffsetMs, ColumnBatch in);

    /** Slides to the window ending at {@code windowEndOffsetMs} and returns it as this node's columns. */
    abstract ColumnBatch slideTo(long windowEndOffsetMs);

    /** Frees the panes; called once, when the context stops. */
    abstract void closeWindow();

    /** The operator whose panes and window a snapshot writes and restores. */
    abstract WindowState panes();

    @Override
    public final String stateKind()
    {
        return isIncremental ? "reduceByKeyAndWindow-inverse" : "reduceByKeyAndWindow";
    }

    @Override
    public final String stateSchema()
    {
        return "fast;node=" + getClass().getSimpleName() + ";window=" + windowMs + ";slide=" + slideMs;
    }

    /** Layout: long time of the last slide applied, then the operator's state. */
    @Override
    public final void writeState(final long time, final java.io.DataOutput out,
        final io.sluice.internal.checkpoint.StateCodecs codecs) throws java.io.IOException
    {
        final BatchData<T> batch = getOrCompute(time);
        if (batch != null)
        {
            batch.force();
        }
        synchronized (lock)
        {
            out.writeLong(lastSlideMs);
            panes().writeState(out);
        }
    }

    @Override
    public final void restoreState(final long time, final java.io.DataInput in,
        final io.sluice.internal.checkpoint.StateCodecs codecs) throws java.io.IOException
    {
        synchronized (lock)
        {
            lastSlideMs = in.readLong();
            panes().readState(in);
        }
        placeholder(time);
    }

    @Override
    public final void restoreEmpty(final long time)
    {
        synchronized (lock)
        {
            lastSlideMs = time;
        }
        placeholder(time);
    }

    private void placeholder(final long time)
    {
        if (isTimeValid(time))
        {
            restorePlaceholder(time, layout);
        }
    }

    @Override
    public final long slideMs()
    {
        return slideMs;
    }

    @Override
    public final boolean mustCheckpoint()
    {
        return isIncremental;
    }

    /** Panes carry what earlier slides folded in: rebuilt by replay after a restart. */
    @Override
    public final boolean isHistoryDependent()
    {
        return true;
    }

    @Override
    protected final long parentRememberExtraMs()
    {
        return windowMs;
    }

    @Override
    public final String name()
    {
        return isIncremental ? "ReducedWindowedDStream" : "WindowedDStream";
    }

    @Override
    protected final BatchData<T> compute(final long time)
    {
        final AtomicReference<BatchData<T>> previous = new AtomicReference<>(getOrCompute(time - slideMs));
        final List<BatchData<T>> entering = WindowChecks.enteringBatches(parent, time, Math.min(windowMs, slideMs));
        return BatchData.columnar(time, layout, () -> slide(time, previous, entering));
    }

    private ColumnBatch slide(final long time, final AtomicReference<BatchData<T>> previous,
        final List<BatchData<T>> entering)
    {
        final BatchData<T> before = previous.getAndSet(null);
        if (before != null && lastSlideMs < time - slideMs)
        {
            before.columns(layout);
        }
        synchronized (lock)
        {
            final long zero = graph.zeroTime();
            for (final BatchData<T> batch : entering)
            {
                add(batch.timeMs() - zero, batch.columns(layout));
            }
            entering.clear();
            final ColumnBatch out = slideTo(time - zero);
            lastSlideMs = time;
            return out;
        }
    }

    @Override
    protected final void releaseResources()
    {
        synchronized (lock)
        {
            closeWindow();
        }
    }
}

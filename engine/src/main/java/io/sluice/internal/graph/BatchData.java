package io.sluice.internal.graph;

import io.sluice.api.Batch;
import io.sluice.api.Time;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * One node's batch for one time (Spark's RDD), backed in one of two ways; both views are always available.
 * <ul>
 *   <li><b>Objects</b> (the generic path): a list of partitions, computed lazily the first time a job reads it. A
 *   persisted node's batch keeps what it computed, so several output operations and windows read it once; otherwise
 *   every read computes it again, as an uncached RDD does. {@link #columns(ColumnLayout)} encodes it into columns
 *   once, for a fast-path operator reading a generic parent.</li>
 *   <li><b>Columns</b> (the fast path, {@link #columnar}): one off-heap {@link ColumnBatch} (one partition), computed
 *   once on first read and kept until {@link #release()}. {@link #partitions()} materializes objects from it once,
 *   for a generic operator or a generic output reading a fast-path parent: that is where Strings and boxes are
 *   made.</li>
 * </ul>
 * Off-heap memory held by a batch (its columns, or the encoding of its objects) is freed by {@link #release()},
 * which the node calls when the graph forgets the batch (clearMetadata) and when the context stops.
 *
 * <p>Thread contract: created on the generator thread, read on the job thread; reads are synchronized.
 */
public final class BatchData<T> implements Batch<T>
{
    private final long time;
    private final Supplier<List<List<T>>> computation;
    private final boolean isKeptOnceComputed;
    private List<List<T>> partitions;
    private final Supplier<ColumnBatch> columnComputation;
    private final ColumnLayout<T> layout;
    private ColumnBatch columns;
    private boolean isReleased;

    private BatchData(final long time, final Supplier<List<List<T>>> computation, final boolean isKeptOnceComputed)
    {
        this.time = time;
        this.computation = computation;
        this.isKeptOnceComputed = isKeptOnceComputed;
        this.columnComputation = null;
        this.layout = null;
    }

    private BatchData(final long time, final Supplier<ColumnBatch> columnComputation, final ColumnLayout<T> layout)
    {
        this.time = time;
        this.computation = null;
        this.isKeptOnceComputed = true;
        this.columnComputation = columnComputation;
        this.layout = layout;
    }

    /**
     * A batch backed by columns laid out as {@code layout}, computed on first read (by a fast-path reader or a
     * generic one) and kept until released. The batch owns the column batch {@code computation} returns.
     */
    public static <T> BatchData<T> columnar(final long time, final ColumnLayout<T> layout,
        final Supplier<ColumnBatch> computation)
    {
        return new BatchData<>(time, computation, layout);
    }

    /**
     * Computes the batch now if it is not computed yet (recovery replays a batch whose output already ran, to rebuild
     * the state after it). Kept afterwards as any read would keep it.
     */
    public void force()
    {
        if (isColumnar())
        {
            columns(layout);
        }
        else
        {
            partitions();
        }
    }

    /** Whether the batch is backed by columns (a fast-path node made it). */
    public boolean isColumnar()
    {
        return columnComputation != null;
    }

    /**
     * The batch as columns laid out as {@code expected}: its own columns when it is columnar (computed on first
     * call), otherwise its objects encoded once. Valid until the batch is released; owned by the batch.
     *
     * @throws IllegalStateException after {@link #release()}.
     */
    public synchronized ColumnBatch columns(final ColumnLayout<T> expected)
    {
        if (isReleased)
        {
            throw new IllegalStateException("the batch of " + time + " ms was already released: the graph forgot it");
        }
        if (columns == null)
        {
            if (columnComputation != null)
            {
                if (layout != expected)
                {
                    throw new IllegalStateException("batch columns are laid out differently from what the reader expects");
                }
                columns = columnComputation.get();
            }
            else
            {
                columns = expected.encode(partitions());
            }
        }
        return columns;
    }

    /** Frees the batch's off-heap columns, if any. Idempotent; later column reads fail. */
    public synchronized void release()
    {
        isReleased = true;
        if (columns != null)
        {
            columns.close();
            columns = null;
        }
    }

    /** A batch whose partitions are already known (input data). */
    public static <T> BatchData<T> of(final long time, final List<List<T>> partitions)
    {
        final BatchData<T> batch = new BatchData<>(time, null, true);
        batch.partitions = partitions;
        return batch;
    }

    /** A batch with one partition. */
    public static <T> BatchData<T> single(final long time, final List<T> elements)
    {
        return of(time, List.of(elements));
    }

    /** A batch computed on first read (and again on later reads unless {@code keep}). */
    public static <T> BatchData<T> lazy(final long time, final boolean keep, final Supplier<List<List<T>>> computation)
    {
        return new BatchData<>(time, computation, keep);
    }

    public static <T> BatchData<T> empty(final long time)
    {
        return of(time, List.of(List.of()));
    }

    public long timeMs()
    {
        return time;
    }

    /** The partitions, computing them if needed. */
    public synchronized List<List<T>> partitions()
    {
        if (partitions != null)
        {
            return partitions;
        }
        if (columnComputation != null)
        {
            partitions = List.of(layout.materialize(columns(layout)));
            return partitions;
        }
        final List<List<T>> computed = computation.get();
        if (isKeptOnceComputed)
        {
            partitions = computed;
        }
        return computed;
    }

    public int numPartitions()
    {
        return partitions().size();
    }

    @Override
    public Time time()
    {
        return new Time(time);
    }

    @Override
    public long count()
    {
        long count = 0;
        for (final List<T> partition : partitions())
        {
            count += partition.size();
        }
        return count;
    }

    @Override
    public List<T> collect()
    {
        final List<List<T>> parts = partitions();
        if (parts.size() == 1)
        {
            return Collections.unmodifiableList(parts.get(0));
        }
        final List<T> all = new ArrayList<>();
        for (final List<T> partition : parts)
        {
            all.addAll(partition);
        }
        return Collections.unmodifiableList(all);
    }

    @Override
    public Iterator<T> iterator()
    {
        return collect().iterator();
    }

    @Override
    public String toString()
    {
        return "Batch[" + time + " ms]";
    }
}

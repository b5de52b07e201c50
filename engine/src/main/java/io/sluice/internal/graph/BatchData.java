package io.sluice.internal.graph;

import io.sluice.api.Batch;
import io.sluice.api.Time;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * One node's batch for one time on the generic path (Spark's RDD): a list of partitions, computed lazily
 * the first time a job reads it. A persisted node's batch keeps what it computed, so several output operations
 * and windows read it once; otherwise every read computes it again, as an uncached RDD does.
 *
 * <p>Thread contract: created on the generator thread, read on the job thread; reads are synchronized.
 */
public final class BatchData<T> implements Batch<T>
{
    private final long time;
    private final Supplier<List<List<T>>> computation;
    private final boolean isKeptOnceComputed;
    private List<List<T>> partitions;

    private BatchData(final long time, final Supplier<List<List<T>>> computation, final boolean isKeptOnceComputed)
    {
        this.time = time;
        this.computation = computation;
        this.isKeptOnceComputed = isKeptOnceComputed;
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

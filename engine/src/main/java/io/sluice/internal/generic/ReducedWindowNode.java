package io.sluice.internal.generic;

import io.sluice.api.Pair;
import io.sluice.internal.checkpoint.StateCodecs;
import io.sluice.internal.checkpoint.StatefulNode;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiPredicate;
import java.util.function.BinaryOperator;

/**
 * {@code reduceByKeyAndWindow(f, inverse, window, slide[, filter])} (Spark's {@code ReducedWindowedDStream}). The
 * parent is the per-batch {@code reduceByKey(f)} stream (at most one value per key per batch). The value at
 * {@code t} is built from the value at {@code t - slide}: {@code inverse} removes the batches that left the window,
 * {@code f} adds the batches that entered it. A key never seen before takes the reduce of its new values. Keys are
 * never removed unless {@code filter} returns false for them (applied to the state itself), so without a filter a
 * key decays to the inverse's zero and is still emitted. Needs a checkpoint directory ({@link #mustCheckpoint()}).
 *
 * <p>Output: one partition, keys of the previous window first (in their order), then new keys in order of first
 * appearance. Each value keeps a reference to the previous one only until it is computed.
 */
public final class ReducedWindowNode<K, V> extends Node<Pair<K, V>> implements StatefulNode
{
    private final Node<Pair<K, V>> reduced;
    private final BinaryOperator<V> f;
    private final BinaryOperator<V> inverse;
    private final BiPredicate<? super K, ? super V> filter;
    private final long windowMs;
    private final long slideMs;
    private volatile long keys = -1;

    /**
     * @param reduced the parent's per-batch {@code reduceByKey(f)}; persisted here
     * @param filter  {@code null} for none
     * @throws IllegalArgumentException when window or slide is not a multiple of the parent's slide (Spark's
     *                                  {@code require} text)
     */
    public ReducedWindowNode(final Node<Pair<K, V>> reduced, final BinaryOperator<V> f, final BinaryOperator<V> inverse,
        final long windowMs, final long slideMs, final BiPredicate<? super K, ? super V> filter)
    {
        super(reduced.graph(), List.of(reduced));
        WindowNode.requireMultiples("ReducedWindowedDStream", "multiple", reduced, windowMs, slideMs,
            "requirement failed: ");
        this.reduced = reduced;
        this.f = f;
        this.inverse = inverse;
        this.filter = filter;
        this.windowMs = windowMs;
        this.slideMs = slideMs;
        reduced.persist();
        persist();
    }

    @Override
    public long slideMs()
    {
        return slideMs;
    }

    @Override
    public boolean mustCheckpoint()
    {
        return true;
    }

    @Override
    protected long parentRememberExtraMs()
    {
        return windowMs;
    }

    @Override
    public String name()
    {
        return "ReducedWindowedDStream";
    }

    @Override
    public String stateKind()
    {
        return "reduceByKeyAndWindow-inverse";
    }

    @Override
    public String stateSchema()
    {
        return "key=object;value=object;window=" + windowMs + ";slide=" + slideMs;
    }

    @Override
    public void writeState(final long time, final DataOutput out, final StateCodecs codecs) throws IOException
    {
        GenericStates.writePairs(getOrCompute(time), out, codecs);
    }

    @Override
    public void restoreEmpty(final long time)
    {
        restoreBatch(time, BatchData.single(time, new java.util.ArrayList<>()));
    }

    @Override
    public void restoreState(final long time, final DataInput in, final StateCodecs codecs) throws IOException
    {
        final List<Pair<K, V>> pairs = GenericStates.readPairs(in, codecs);
        if (pairs != null)
        {
            restoreBatch(time, BatchData.single(time, pairs));
        }
    }

    @Override
    protected BatchData<Pair<K, V>> compute(final long time)
    {
        final long parentSlide = reduced.slideMs();
        final long currentBegin = time - windowMs + parentSlide;
        final long previousEnd = time - slideMs;
        final long previousBegin = previousEnd - windowMs + parentSlide;
        // Spark's intervals, clamped so that with slide > window only batches of the previous window leave and
        // only batches of the current window enter.
        final List<BatchData<Pair<K, V>>> leaving = WindowNode.slice(reduced, previousBegin,
            Math.min(previousEnd, currentBegin - parentSlide));
        final List<BatchData<Pair<K, V>>> entering = WindowNode.slice(reduced,
            Math.max(previousEnd + parentSlide, currentBegin), time);
        final AtomicReference<BatchData<Pair<K, V>>> previous = new AtomicReference<>(getOrCompute(previousEnd));
        return BatchData.lazy(time, true, () ->
        {
            final BatchData<Pair<K, V>> previousWindow = previous.get();
            final List<Pair<K, V>> merged = merge(previousWindow == null ? List.of() : previousWindow.collect(),
                leaving, entering);
            keys = merged.size();
            previous.set(null);
            return List.of(merged);
        });
    }

    private List<Pair<K, V>> merge(final List<Pair<K, V>> previousWindow, final List<BatchData<Pair<K, V>>> leaving,
        final List<BatchData<Pair<K, V>>> entering)
    {
        final Map<K, V> window = new LinkedHashMap<>(previousWindow.size() * 2);
        for (final Pair<K, V> pair : previousWindow)
        {
            window.put(pair.key(), pair.value());
        }
        final Map<K, V> old = reduceAll(leaving);
        final Map<K, V> added = reduceAll(entering);
        for (final Map.Entry<K, V> entry : old.entrySet())
        {
            final K key = entry.getKey();
            if (window.containsKey(key))
            {
                window.put(key, inverse.apply(window.get(key), entry.getValue()));
            }
            else if (!added.containsKey(key))
            {
                throw new IllegalStateException("Neither previous window has value for key, nor new values found. "
                    + "Are you sure your key class hashes consistently? (key " + key + "; or a filter dropped a key "
                    + "that still had values in the window)");
            }
        }
        for (final Map.Entry<K, V> entry : added.entrySet())
        {
            final K key = entry.getKey();
            if (window.containsKey(key))
            {
                window.put(key, f.apply(window.get(key), entry.getValue()));
            }
            else
            {
                window.put(key, entry.getValue());
            }
        }
        final List<Pair<K, V>> out = new ArrayList<>(window.size());
        for (final Map.Entry<K, V> entry : window.entrySet())
        {
            if (filter == null || filter.test(entry.getKey(), entry.getValue()))
            {
                out.add(Pair.of(entry.getKey(), entry.getValue()));
            }
        }
        return out;
    }

    private Map<K, V> reduceAll(final List<BatchData<Pair<K, V>>> batches)
    {
        final Map<K, V> acc = new LinkedHashMap<>();
        for (final BatchData<Pair<K, V>> batch : batches)
        {
            for (final List<Pair<K, V>> partition : batch.partitions())
            {
                for (final Pair<K, V> pair : partition)
                {
                    acc.merge(pair.key(), pair.value(), f);
                }
            }
        }
        return acc;
    }

    @Override
    public long stateSize()
    {
        return keys;
    }
}

package io.sluice.internal.generic;

import io.sluice.api.Pair;
import io.sluice.internal.checkpoint.StateCodecs;
import io.sluice.internal.checkpoint.StatefulNode;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The state stream behind {@code mapWithState} (Spark's {@code InternalMapWithStateDStream} and
 * {@code MapWithStateRDD}): every batch (even when the parent has none) one {@link Result} holding the new
 * {@link StateStore} and the records the function returned for this batch. The mapped stream and
 * {@code stateSnapshots()} are flat-maps of it.
 *
 * <p>Per record, in partition order, the function sees the state left by the previous call; then: removed → the
 * key is deleted; updated, or still existing while a timeout is configured → stored with this batch's time.
 * Only on checkpoint batches ({@link #isCheckpointTime}, default every 10 batches) are keys last stored strictly
 * before {@code batchTime - timeout} swept: the function is called with no value and {@code isTimingOut()}, and
 * the key is removed. Initial states are stored at the first batch's time without calling the function.
 */
public final class MapWithStateNode<K, V, S, R> extends Node<MapWithStateNode.Result<K, S, R>>
    implements StatefulNode
{
    /** Spark's {@code DEFAULT_CHECKPOINT_DURATION_MULTIPLIER}. */
    static final int CHECKPOINT_BATCHES = 10;

    private final Node<Pair<K, V>> parent;
    private final MappingFunction<K, V, S, R> function;
    private final Map<K, S> initialState;
    private final long timeoutMs;
    private volatile long keys = -1;

    /** The state after one batch and the records the function returned in it. */
    public record Result<K, S, R>(StateStore<K, S> store, List<R> mapped)
    {
        /** The state as pairs, in store order. */
        public List<Pair<K, S>> snapshot()
        {
            final List<StateStore.Entry<K, S>> all = store.getAll();
            final List<Pair<K, S>> pairs = new ArrayList<>(all.size());
            for (final StateStore.Entry<K, S> entry : all)
            {
                pairs.add(Pair.of(entry.key(), entry.state()));
            }
            return pairs;
        }
    }

    /**
     * @param initialState copied; may be empty
     * @param timeoutMs    0 for no timeout
     */
    public MapWithStateNode(final Node<Pair<K, V>> parent, final MappingFunction<K, V, S, R> function,
        final Map<K, S> initialState, final long timeoutMs)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.function = function;
        this.initialState = new LinkedHashMap<>(initialState);
        this.timeoutMs = timeoutMs;
        persist();
    }

    @Override
    public boolean mustCheckpoint()
    {
        return true;
    }

    @Override
    protected long defaultCheckpointIntervalMs()
    {
        return slideMs() * CHECKPOINT_BATCHES;
    }

    @Override
    public String name()
    {
        return "InternalMapWithStateDStream";
    }

    @Override
    public String stateKind()
    {
        return "mapWithState";
    }

    @Override
    public String stateSchema()
    {
        return "key=object;state=object;updateTime=long";
    }

    /** Layout: int version (1), int entry count (-1: no state batch), then (key, state, long update time)... */
    @Override
    public void writeState(final long time, final DataOutput out, final StateCodecs codecs) throws IOException
    {
        out.writeInt(1);
        final BatchData<Result<K, S, R>> batch = getOrCompute(time);
        if (batch == null)
        {
            out.writeInt(-1);
            return;
        }
        final List<StateStore.Entry<K, S>> entries = batch.collect().get(0).store().getAll();
        out.writeInt(entries.size());
        for (final StateStore.Entry<K, S> entry : entries)
        {
            codecs.write(entry.key(), out);
            codecs.write(entry.state(), out);
            out.writeLong(entry.updateTimeMs());
        }
    }

    @Override
    public void restoreEmpty(final long time)
    {
        final List<Result<K, S, R>> one = new ArrayList<>(1);
        one.add(new Result<>(new StateStore<>(), new ArrayList<>()));
        restoreBatch(time, BatchData.single(time, one));
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restoreState(final long time, final DataInput in, final StateCodecs codecs) throws IOException
    {
        GenericStates.checkVersion(in.readInt());
        final int count = in.readInt();
        if (count < 0)
        {
            return;
        }
        final StateStore<K, S> store = new StateStore<>();
        for (int i = 0; i < count; i++)
        {
            final K key = (K)codecs.read(in);
            final S state = (S)codecs.read(in);
            store.put(key, state, in.readLong());
        }
        final List<Result<K, S, R>> one = new ArrayList<>(1);
        one.add(new Result<>(store, new ArrayList<>()));
        restoreBatch(time, BatchData.single(time, one));
    }

    @Override
    protected BatchData<Result<K, S, R>> compute(final long time)
    {
        final AtomicReference<BatchData<Result<K, S, R>>> previous =
            new AtomicReference<>(getOrCompute(time - slideMs()));
        final BatchData<Pair<K, V>> data = parent.getOrCompute(time);
        final boolean isSweep = timeoutMs > 0 && isCheckpointTime(time);
        return BatchData.lazy(time, true, () ->
        {
            final BatchData<Result<K, S, R>> previousBatch = previous.get();
            final StateStore<K, S> previousStore = previousBatch == null
                ? StateStore.of(initialState, time) : previousBatch.collect().get(0).store();
            final List<List<Pair<K, V>>> partitions = data == null ? List.of() : data.partitions();
            final List<R> mapped = new ArrayList<>();
            final StateStore<K, S> store;
            if (isSweep || !isEmpty(partitions))
            {
                store = previousStore.copy();
                update(store, partitions, function, time, timeoutMs > 0, time - timeoutMs, isSweep, mapped);
            }
            else
            {
                // Stores never change once their batch is computed, so a batch without work shares the previous one.
                store = previousStore;
            }
            keys = store.size();
            previous.set(null);
            final List<Result<K, S, R>> one = new ArrayList<>(1);
            one.add(new Result<>(store, mapped));
            return List.of(one);
        });
    }

    private static <E> boolean isEmpty(final List<List<E>> partitions)
    {
        for (final List<E> partition : partitions)
        {
            if (!partition.isEmpty())
            {
                return false;
            }
        }
        return true;
    }

    /**
     * Spark's {@code MapWithStateRDDRecord.updateRecordWithData}: applies {@code data} to {@code store} in place and
     * appends the mapped records to {@code out}.
     *
     * @param hasTimeout         whether a timeout is configured (then any record refreshes its key's time)
     * @param timeoutThresholdMs keys stored strictly before it are idle
     * @param isSweep            whether idle keys are timed out now
     */
    public static <K, V, S, R> void update(final StateStore<K, S> store, final List<List<Pair<K, V>>> data,
        final MappingFunction<K, V, S, R> function, final long batchTimeMs, final boolean hasTimeout,
        final long timeoutThresholdMs, final boolean isSweep, final List<R> out)
    {
        final StateImpl<S> state = new StateImpl<>();
        for (final List<Pair<K, V>> partition : data)
        {
            for (final Pair<K, V> record : partition)
            {
                final K key = record.key();
                final StateStore.Entry<K, S> entry = store.get(key);
                state.wrap(entry == null ? null : entry.state(), entry != null);
                function.apply(batchTimeMs, key, Optional.ofNullable(record.value()), state, out);
                if (state.isRemoved())
                {
                    store.remove(key);
                }
                else if (state.isUpdated() || (hasTimeout && state.exists()))
                {
                    store.put(key, state.get(), batchTimeMs);
                }
            }
        }
        if (hasTimeout && isSweep)
        {
            for (final StateStore.Entry<K, S> idle : store.getByTime(timeoutThresholdMs))
            {
                state.wrapTimingOut(idle.state());
                function.apply(batchTimeMs, idle.key(), Optional.empty(), state, out);
                store.remove(idle.key());
            }
        }
    }

    @Override
    public long stateSize()
    {
        return keys;
    }
}

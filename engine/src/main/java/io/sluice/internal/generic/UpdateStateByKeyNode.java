package io.sluice.internal.generic;

import io.sluice.api.Pair;
import io.sluice.api.QuadFunction;
import io.sluice.api.Time;
import io.sluice.internal.checkpoint.StateCodecs;
import io.sluice.internal.checkpoint.StatefulNode;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code updateStateByKey} (Spark's {@code StateDStream}). Each batch the update function is called once for EVERY
 * key in the previous state or the batch's data, with the key's values of this batch (an empty list when it has
 * none) and its previous state; an empty result removes the key. The output is the whole new state. When the
 * parent produces no batch, the function is still applied to every existing key; with no previous state and no
 * parent batch there is no output. The initial state, if any, is combined with the first batch that has data.
 *
 * <p>Output: one partition, previous keys in their order, then new keys in order of first appearance.
 */
public final class UpdateStateByKeyNode<K, V, S> extends Node<Pair<K, S>> implements StatefulNode
{
    private final Node<Pair<K, V>> parent;
    private final QuadFunction<Time, K, List<V>, Optional<S>, Optional<S>> update;
    private volatile long keys = -1;
    private final List<Pair<K, S>> initialState;

    /** @param initialState {@code null} or empty for none */
    public UpdateStateByKeyNode(final Node<Pair<K, V>> parent,
        final QuadFunction<Time, K, List<V>, Optional<S>, Optional<S>> update, final Map<K, S> initialState)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.update = update;
        final List<Pair<K, S>> initial = new ArrayList<>();
        if (initialState != null)
        {
            initialState.forEach((k, s) -> initial.add(Pair.of(k, s)));
        }
        this.initialState = initial;
        persist();
    }

    @Override
    public boolean mustCheckpoint()
    {
        return true;
    }

    @Override
    public String name()
    {
        return "StateDStream";
    }

    @Override
    public String stateKind()
    {
        return "updateStateByKey";
    }

    @Override
    public String stateSchema()
    {
        return "key=object;state=object";
    }

    @Override
    public void writeState(final long time, final DataOutput out, final StateCodecs codecs) throws IOException
    {
        GenericStates.writePairs(getOrCompute(time), out, codecs);
    }

    @Override
    public void restoreEmpty(final long time)
    {
        restoreBatch(time, BatchData.single(time, new ArrayList<>()));
    }

    @Override
    public void restoreState(final long time, final DataInput in, final StateCodecs codecs) throws IOException
    {
        final List<Pair<K, S>> pairs = GenericStates.readPairs(in, codecs);
        if (pairs != null)
        {
            restoreBatch(time, BatchData.single(time, pairs));
        }
    }

    @Override
    protected BatchData<Pair<K, S>> compute(final long time)
    {
        final BatchData<Pair<K, S>> previousBatch = getOrCompute(time - slideMs());
        final BatchData<Pair<K, V>> data = parent.getOrCompute(time);
        if (previousBatch == null && data == null)
        {
            return null;
        }
        final AtomicReference<BatchData<Pair<K, S>>> previous = new AtomicReference<>(previousBatch);
        return BatchData.lazy(time, true, () ->
        {
            final BatchData<Pair<K, S>> before = previous.get();
            final List<Pair<K, S>> state = before == null ? initialState : before.collect();
            final List<Pair<K, S>> next = apply(time, state, data == null ? List.of() : data.partitions());
            keys = next.size();
            previous.set(null);
            return List.of(next);
        });
    }

    private List<Pair<K, S>> apply(final long time, final List<Pair<K, S>> state,
        final List<List<Pair<K, V>>> partitions)
    {
        final Map<K, List<V>> values = WholeBatchNode.groupValues(partitions);
        final Time batchTime = new Time(time);
        final List<Pair<K, S>> next = new ArrayList<>(state.size() + values.size());
        for (final Pair<K, S> pair : state)
        {
            final List<V> newValues = values.remove(pair.key());
            add(next, pair.key(), update.apply(batchTime, pair.key(), newValues == null ? new ArrayList<>() : newValues,
                Optional.ofNullable(pair.value())));
        }
        for (final Map.Entry<K, List<V>> entry : values.entrySet())
        {
            add(next, entry.getKey(), update.apply(batchTime, entry.getKey(), entry.getValue(), Optional.empty()));
        }
        return next;
    }

    private static <K, S> void add(final List<Pair<K, S>> next, final K key, final Optional<S> result)
    {
        if (result != null && result.isPresent())
        {
            next.add(Pair.of(key, result.get()));
        }
    }

    @Override
    public long stateSize()
    {
        return keys;
    }
}

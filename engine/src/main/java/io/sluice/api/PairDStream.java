package io.sluice.api;

import io.sluice.internal.generic.ReduceByKeyNode;
import io.sluice.internal.graph.Node;

import java.util.Objects;
import java.util.function.BinaryOperator;

/**
 * A stream of key-value {@link Pair}s with Spark's pair operations. Keyed aggregations emit one partition, keys in
 * the order they first appear in the batch.
 */
public abstract class PairDStream<K, V> extends DStream<Pair<K, V>>
{
    PairDStream(final StreamingContext context, final Node<Pair<K, V>> node)
    {
        super(context, node);
    }

    static <K, V> PairDStream<K, V> wrapPairs(final StreamingContext context, final Node<Pair<K, V>> node)
    {
        return new GenericPairDStream<>(context, node);
    }

    /** The pair stream's own implementation, for classes of this package. */
    static final class GenericPairDStream<K, V> extends PairDStream<K, V>
    {
        GenericPairDStream(final StreamingContext context, final Node<Pair<K, V>> node)
        {
            super(context, node);
        }
    }

    /** Combines the values of each key within each batch with {@code f} (associative). */
    public PairDStream<K, V> reduceByKey(final BinaryOperator<V> f)
    {
        return wrapPairs(context, new ReduceByKeyNode<>(node, Objects.requireNonNull(f, "f")));
    }

    // ---- per-batch operators (issue 3a: element, per-batch, multi-parent, caching) ----

    // ---- windowed and stateful operators (issue 3b: windows, slice, updateStateByKey, mapWithState, checkpoint) ----

}

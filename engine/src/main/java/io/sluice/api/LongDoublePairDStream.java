package io.sluice.api;

import io.sluice.internal.column.BatchFlyweights;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.graph.Node;
import io.sluice.internal.operator.LongDoubleReduceByKeyOperator;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.DoubleBinaryOperator;

/**
 * The fast path's stream of ({@code long} key, {@code double} value) pairs (sums and averages of measurements per
 * id): each batch is an off-heap long column and a double column;
 * keyed aggregations run on a generated primitive open-addressing map. Every operator gives exactly what its
 * generic twin on {@code PairDStream<Long, Double>} gives; keyed outputs list keys in order of first appearance.
 * {@link #boxed()} goes back to the generic API.
 *
 * <p>Made by {@link DStream#mapToLongDoublePair} and the operators here. Batches are computed once per batch time and kept until the
 * graph forgets them.
 */
public final class LongDoublePairDStream extends FastStream<Pair<Long, Double>>
{
    LongDoublePairDStream(final StreamingContext context, final Node<Pair<Long, Double>> node)
    {
        super(context, node, ColumnLayout.LONG_DOUBLE_PAIRS);
    }

    /**
     * Generic twin: {@code PairDStream<Long, Double>.reduceByKey(f)}. One pair per distinct key, keys in order of
     * first appearance, values folded in element order. No allocation per record.
     */
    public LongDoublePairDStream reduceByKey(final DoubleBinaryOperator f)
    {
        return new LongDoublePairDStream(context, new LongDoubleReduceByKeyOperator(node, Objects.requireNonNull(f, "f")));
    }

    /** This stream on the generic API, as {@code Pair<Long, Double>} objects made once per batch. */
    public PairDStream<Long, Double> boxed()
    {
        return PairDStream.wrapPairs(context, node);
    }

    /** Generic twin: {@code DStream.persist()}. */
    public LongDoublePairDStream persist()
    {
        persistNode();
        return this;
    }

    /** Same as {@link #persist()}. */
    public LongDoublePairDStream cache()
    {
        return persist();
    }

    /** Generic twin: {@code DStream.foreachBatch}, with a flyweight valid only during the call. */
    public void foreachBatch(final BiConsumer<LongDoubleBatch, Time> action)
    {
        foreachBatchView(action, new BatchFlyweights.LongDoubleFlyweight());
    }

    // ---- windowed and stateful fast-path operators (issue 4b) ----
}

package io.sluice.api;

import io.sluice.internal.column.BatchFlyweights;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.graph.Node;
import io.sluice.internal.graph.OutputNode;
import io.sluice.internal.operator.CountOperator;
import io.sluice.internal.operator.LongLongReduceByKeyOperator;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.LongBinaryOperator;

/**
 * The fast path's stream of ({@code long} key, {@code long} value) pairs: each batch is two off-heap long columns;
 * keyed aggregations run on a generated primitive open-addressing map. Every operator gives exactly what its
 * generic twin on {@code PairDStream<Long, Long>} gives; keyed outputs list keys in order of first appearance.
 * {@link #boxed()} goes back to the generic API.
 *
 * <p>Made by {@link LongDStream#mapToLongPair}, {@link LongDStream#countByValue()},
 * {@link DStream#mapToLongPair} and the operators here. Batches are computed once per batch time and kept until the
 * graph forgets them.
 */
public final class LongLongPairDStream
{
    final StreamingContext context;
    final Node<Pair<Long, Long>> node;

    LongLongPairDStream(final StreamingContext context, final Node<Pair<Long, Long>> node)
    {
        this.context = context;
        this.node = node;
    }

    public StreamingContext context()
    {
        return context;
    }

    public Duration slideDuration()
    {
        return Duration.ofMillis(node.slideMs());
    }

    /**
     * Generic twin: {@code PairDStream<Long, Long>.reduceByKey(f)}. One pair per distinct key, keys in order of
     * first appearance, values folded in element order. No allocation per record.
     */
    public LongLongPairDStream reduceByKey(final LongBinaryOperator f)
    {
        return new LongLongPairDStream(context, new LongLongReduceByKeyOperator(node, Objects.requireNonNull(f, "f")));
    }

    /** Generic twin: {@code DStream.count()}. */
    public LongDStream count()
    {
        return new LongDStream(context, new CountOperator<>(node, ColumnLayout.LONG_LONG_PAIRS));
    }

    /** This stream on the generic API, as {@code Pair<Long, Long>} objects made once per batch. */
    public PairDStream<Long, Long> boxed()
    {
        return PairDStream.wrapPairs(context, node);
    }

    /** Generic twin: {@code DStream.persist()}. */
    public LongLongPairDStream persist()
    {
        if (context.state() != StreamingContextState.INITIALIZED)
        {
            throw new UnsupportedOperationException("Cannot change storage level of a DStream after streaming context "
                + "has started; call persist() before start()");
        }
        node.persist();
        return this;
    }

    public LongLongPairDStream cache()
    {
        return persist();
    }

    /** Generic twin: {@code DStream.print()}: {@code (key,value)} lines. */
    public void print()
    {
        print(10);
    }

    public void print(final int num)
    {
        FastOutputs.print(node, ColumnLayout.LONG_LONG_PAIRS, num);
    }

    /** Generic twin: {@code DStream.foreachBatch}, with a flyweight valid only during the call. */
    public void foreachBatch(final BiConsumer<LongLongBatch, Time> action)
    {
        Objects.requireNonNull(action, "action");
        final BatchFlyweights.LongLongFlyweight view = new BatchFlyweights.LongLongFlyweight();
        new OutputNode<>(node, "foreachBatch", (batch, time) ->
        {
            final Time t = new Time(time);
            try
            {
                action.accept(view.wrap(batch.columns(ColumnLayout.LONG_LONG_PAIRS), t), t);
            }
            finally
            {
                view.unwrap();
            }
        });
    }

    // ---- windowed and stateful fast-path operators (issue 4b) ----
}

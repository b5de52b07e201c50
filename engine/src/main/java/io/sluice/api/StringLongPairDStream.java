package io.sluice.api;

import io.sluice.internal.column.BatchFlyweights;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.graph.Node;
import io.sluice.internal.graph.OutputNode;
import io.sluice.internal.operator.CountOperator;
import io.sluice.internal.operator.StringLongReduceByKeyOperator;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.LongBinaryOperator;

/**
 * The fast path's stream of (text key, {@code long} value) pairs: keys in an off-heap UTF-8 bytes column, values
 * in a long column; keys are hashed and compared as bytes and become Strings only at output or in
 * {@link #boxed()}. Every operator gives exactly what its generic twin on {@code PairDStream<String, Long>} gives;
 * keyed outputs list keys in order of first appearance.
 */
public final class StringLongPairDStream
{
    final StreamingContext context;
    final Node<Pair<String, Long>> node;

    StringLongPairDStream(final StreamingContext context, final Node<Pair<String, Long>> node)
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

    /** Generic twin: {@code PairDStream<String, Long>.reduceByKey(f)}. */
    public StringLongPairDStream reduceByKey(final LongBinaryOperator f)
    {
        return new StringLongPairDStream(context, new StringLongReduceByKeyOperator(node, Objects.requireNonNull(f, "f")));
    }

    /** Generic twin: {@code DStream.count()}. */
    public LongDStream count()
    {
        return new LongDStream(context, new CountOperator<>(node, ColumnLayout.STRING_LONG_PAIRS));
    }

    /** This stream on the generic API, as {@code Pair<String, Long>} objects made once per batch. */
    public PairDStream<String, Long> boxed()
    {
        return PairDStream.wrapPairs(context, node);
    }

    public StringLongPairDStream persist()
    {
        context.requireStorageChangeAllowed();
        node.persist();
        return this;
    }

    public StringLongPairDStream cache()
    {
        return persist();
    }

    /** Generic twin: {@code DStream.print()}: {@code (word,count)} lines, Strings made only for those printed. */
    public void print()
    {
        print(10);
    }

    public void print(final int num)
    {
        FastOutputs.print(node, ColumnLayout.STRING_LONG_PAIRS, num);
    }

    /** Generic twin: {@code DStream.foreachBatch}, with a flyweight valid only during the call. */
    public void foreachBatch(final BiConsumer<StringLongBatch, Time> action)
    {
        Objects.requireNonNull(action, "action");
        final BatchFlyweights.StringLongFlyweight view = new BatchFlyweights.StringLongFlyweight();
        new OutputNode<>(node, "foreachBatch", (batch, time) ->
        {
            final Time t = new Time(time);
            try
            {
                action.accept(view.wrap(batch.columns(ColumnLayout.STRING_LONG_PAIRS), t), t);
            }
            finally
            {
                view.unwrap();
            }
        });
    }

    // ---- windowed and stateful fast-path operators (issue 4b) ----
}

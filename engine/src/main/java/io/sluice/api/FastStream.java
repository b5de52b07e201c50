package io.sluice.api;

import io.sluice.internal.column.BatchFlyweights;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.graph.Node;
import io.sluice.internal.graph.OutputNode;
import io.sluice.internal.operator.CountOperator;
import io.sluice.internal.output.PrintFormat;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * What every fast-path stream ({@link LongDStream}, {@link LongLongPairDStream}, {@link LongDoublePairDStream},
 * {@link TextDStream}, {@link StringLongPairDStream}) shares: its context, its node, the column layout of its
 * batches, and the outputs that only read those columns. Package-private: the public classes extend it, so its
 * public methods are theirs (javac gives each public subclass its own bridge, and javadoc lists them there).
 *
 * @param <T> the element type of the generic twin ({@code Long}, {@code Pair<Long, Long>}, ...)
 */
abstract class FastStream<T>
{
    final StreamingContext context;
    final Node<T> node;
    final ColumnLayout<T> layout;

    FastStream(final StreamingContext context, final Node<T> node, final ColumnLayout<T> layout)
    {
        this.context = context;
        this.node = node;
        this.layout = layout;
    }

    /** The context this stream belongs to. */
    public StreamingContext context()
    {
        return context;
    }

    /** How often this stream produces a batch. */
    public Duration slideDuration()
    {
        return Duration.ofMillis(node.slideMs());
    }

    /** Generic twin: {@code DStream.count()}: one element per batch, {@code [0]} for an empty batch. */
    public LongDStream count()
    {
        return new LongDStream(context, new CountOperator<>(node, layout));
    }

    /**
     * Generic twin: {@code DStream.print()}; the same output ({@code (key,value)} lines for pairs), printing the
     * first 10 elements of each batch.
     */
    public void print()
    {
        print(10);
    }

    /**
     * Generic twin: {@code DStream.print(num)}; makes boxes (or Strings) only for the elements it prints.
     *
     * @throws IllegalArgumentException if {@code num < 1}
     */
    public void print(final int num)
    {
        if (num < 1)
        {
            throw new IllegalArgumentException("print(num) needs num >= 1, was " + num);
        }
        new OutputNode<>(node, "print", (batch, time) ->
            PrintFormat.print(System.out, time, layout.materialize(batch.columns(layout), num + 1), num));
    }

    /** Marks this stream's batches to be kept, the body of every {@code persist()}. */
    final void persistNode()
    {
        context.requireStorageChangeAllowed();
        node.persist();
    }

    /**
     * Registers a {@code foreachBatch} output: {@code view} is wrapped over each batch's columns and handed to
     * {@code action} with the batch's {@link Time} (one per batch), then unwrapped, so a kept view fails instead of
     * reading freed memory.
     */
    final <F extends BatchFlyweights.Base<F>> void foreachBatchView(final BiConsumer<? super F, Time> action,
        final F view)
    {
        Objects.requireNonNull(action, "action");
        new OutputNode<>(node, "foreachBatch", (batch, time) ->
        {
            final Time t = new Time(time);
            try
            {
                action.accept(view.wrap(batch.columns(layout), t), t);
            }
            finally
            {
                view.unwrap();
            }
        });
    }
}

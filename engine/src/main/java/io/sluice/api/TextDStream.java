package io.sluice.api;

import io.sluice.internal.column.BatchFlyweights;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.graph.Node;
import io.sluice.internal.graph.OutputNode;
import io.sluice.internal.operator.CountOperator;
import io.sluice.internal.operator.TextCountByValueOperator;
import io.sluice.internal.operator.TextSplitWordsOperator;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The fast path's stream of text: each batch is an off-heap bytes column of UTF-8, decoded straight from the
 * ingest segment; operators work on the bytes and Strings are made only at output or when going back to the
 * generic API ({@link #boxed()}). Every operator gives exactly what its generic twin on {@code DStream<String>}
 * gives.
 *
 * <p>Made by {@link #of(DStream)} (zero copy over a text input such as {@code socketTextStream}),
 * {@link StreamingContext#textSocketStream} and {@link #splitWords()}.
 */
public final class TextDStream
{
    final StreamingContext context;
    final Node<String> node;

    TextDStream(final StreamingContext context, final Node<String> node)
    {
        this.context = context;
        this.node = node;
    }

    /**
     * {@code lines} on the fast path. Over a receiver input with the STRING codec ({@code socketTextStream},
     * {@code textFileStream}, {@code receiverStream(r, Codecs.STRING)}) the batches already are bytes columns and
     * nothing is copied; over any other stream the Strings are encoded once per batch.
     */
    public static TextDStream of(final DStream<String> lines)
    {
        Objects.requireNonNull(lines, "lines");
        return new TextDStream(lines.context, lines.node);
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
     * Generic twin: {@code flatMap(line -> Arrays.asList(line.split(" ")))}, with exactly {@code split(" ")}'s words
     * (trailing empty words dropped; leading and inner ones kept). Zero copy: words view the lines' bytes.
     */
    public TextDStream splitWords()
    {
        return new TextDStream(context, new TextSplitWordsOperator(node));
    }

    /**
     * Generic twin: {@code filter(s -> !s.isEmpty())}. A selection over the same bytes; after {@link #splitWords()}
     * and before {@link #countByValue()} it is fused into the counting loop.
     */
    public TextDStream dropEmpty()
    {
        return new TextDStream(context, new io.sluice.internal.operator.TextDropEmptyOperator(node));
    }

    /**
     * Generic twin: {@code DStream<String>.countByValue()}: (text, count) per distinct text in order of first
     * appearance, hashed and compared as bytes. {@code splitWords().countByValue()} runs as one fused loop.
     */
    public StringLongPairDStream countByValue()
    {
        return new StringLongPairDStream(context, new TextCountByValueOperator(node));
    }

    /** Generic twin: {@code DStream.count()}. */
    public LongDStream count()
    {
        return new LongDStream(context, new CountOperator<>(node, ColumnLayout.TEXT));
    }

    /** This stream on the generic API: the same batches as Strings, made once per batch when first read. */
    public DStream<String> boxed()
    {
        return DStream.wrap(context, node);
    }

    /** Generic twin: {@code DStream.persist()}. A persisted {@code splitWords()} is not fused into its reader. */
    public TextDStream persist()
    {
        context.requireStorageChangeAllowed();
        node.persist();
        return this;
    }

    public TextDStream cache()
    {
        return persist();
    }

    /** Generic twin: {@code DStream.print()}. */
    public void print()
    {
        print(10);
    }

    public void print(final int num)
    {
        FastOutputs.print(node, ColumnLayout.TEXT, num);
    }

    /** Generic twin: {@code DStream.foreachBatch}, with a flyweight over the bytes, valid only during the call. */
    public void foreachBatch(final BiConsumer<TextBatch, Time> action)
    {
        Objects.requireNonNull(action, "action");
        final BatchFlyweights.TextFlyweight view = new BatchFlyweights.TextFlyweight();
        new OutputNode<>(node, "foreachBatch", (batch, time) ->
        {
            final Time t = new Time(time);
            try
            {
                action.accept(view.wrap(batch.columns(ColumnLayout.TEXT), t), t);
            }
            finally
            {
                view.unwrap();
            }
        });
    }

    // ---- windowed and stateful fast-path operators (issue 4b) ----
}

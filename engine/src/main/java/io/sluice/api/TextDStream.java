package io.sluice.api;

import io.sluice.internal.column.BatchFlyweights;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.graph.Node;
import io.sluice.internal.operator.TextCountByValueOperator;
import io.sluice.internal.operator.TextSplitWordsOperator;

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
public final class TextDStream extends FastStream<String>
{
    TextDStream(final StreamingContext context, final Node<String> node)
    {
        super(context, node, ColumnLayout.TEXT);
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

    /** This stream on the generic API: the same batches as Strings, made once per batch when first read. */
    public DStream<String> boxed()
    {
        return DStream.wrap(context, node);
    }

    /** Generic twin: {@code DStream.persist()}. A persisted {@code splitWords()} is not fused into its reader. */
    public TextDStream persist()
    {
        persistNode();
        return this;
    }

    /** Same as {@link #persist()}. */
    public TextDStream cache()
    {
        return persist();
    }

    /** Generic twin: {@code DStream.foreachBatch}, with a flyweight over the bytes, valid only during the call. */
    public void foreachBatch(final BiConsumer<TextBatch, Time> action)
    {
        foreachBatchView(action, new BatchFlyweights.TextFlyweight());
    }

    // ---- windowed and stateful fast-path operators (issue 4b) ----
}

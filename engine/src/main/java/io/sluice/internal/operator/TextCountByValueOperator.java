package io.sluice.internal.operator;

import io.sluice.api.Pair;
import io.sluice.internal.aggregate.BytesLongHashAggregator;
import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.IntVector;
import io.sluice.internal.gen.LongVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;
import org.agrona.UnsafeApi;

import java.util.List;

/**
 * {@code TextDStream.countByValue()}: (text, count) per distinct text, in order of first appearance, as the generic
 * {@code countByValue}; texts are hashed and compared as bytes and become Strings only when a generic reader or an
 * output materializes them. Physical plan: when the parent is an unpersisted {@link TextSplitWordsOperator} (or an
 * unpersisted {@link TextDropEmptyOperator} over one), split and filter are fused into this loop (lines → words →
 * counts, no words column, no selection).
 */
public final class TextCountByValueOperator extends Node<Pair<String, Long>>
{
    private static final int INITIAL_KEYS = 1024;

    private final Node<String> parent;
    private final BytesLongHashAggregator aggregator = new BytesLongHashAggregator(INITIAL_KEYS);
    private final CountingSink sink = new CountingSink();

    public TextCountByValueOperator(final Node<String> parent)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
    }

    @Override
    protected BatchData<Pair<String, Long>> compute(final long time)
    {
        Node<String> source = parent;
        boolean isDroppingEmpty = false;
        if (source instanceof TextDropEmptyOperator drop && !drop.isPersisted()
            && drop.input() instanceof TextSplitWordsOperator)
        {
            isDroppingEmpty = true;
            source = drop.input();
        }
        if (source instanceof TextSplitWordsOperator split && !split.isPersisted())
        {
            final BatchData<String> lines = split.lines().getOrCompute(time);
            if (lines == null)
            {
                return null;
            }
            final boolean skipEmpty = isDroppingEmpty;
            return BatchData.columnar(time, ColumnLayout.STRING_LONG_PAIRS,
                () -> countWords(lines.columns(ColumnLayout.TEXT), aggregator, sink.skipEmpty(skipEmpty)));
        }
        final BatchData<String> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.columnar(time, ColumnLayout.STRING_LONG_PAIRS,
            () -> count(in.columns(ColumnLayout.TEXT), aggregator));
    }

    /** Counts each selected text of column 0. */
    public static ColumnBatch count(final ColumnBatch in, final BytesLongHashAggregator aggregator)
    {
        synchronized (aggregator)
        {
            aggregator.clear();
            final BytesColumn text = in.bytes(0);
            final IntVector selection = in.selection();
            countKernel(text.dataAddress(), text.slots().address(), selection == null ? 0 : selection.address(),
                in.size(), aggregator);
            return output(aggregator);
        }
    }

    /** Fused split + count over the selected lines of column 0. */
    public static ColumnBatch countWords(final ColumnBatch lines, final BytesLongHashAggregator aggregator,
        final CountingSink sink)
    {
        synchronized (aggregator)
        {
            aggregator.clear();
            final BytesColumn text = lines.bytes(0);
            final IntVector selection = lines.selection();
            sink.wrap(aggregator, text.dataAddress());
            WordSplitter.split(text.dataAddress(), text.slots().address(), selection == null ? 0 : selection.address(),
                lines.size(), sink);
            return output(aggregator);
        }
    }

    static void countKernel(final long dataAddress, final long slotsAddress, final long selectionAddress,
        final int count, final BytesLongHashAggregator aggregator)
    {
        for (int i = 0; i < count; i++)
        {
            final long row = selectionAddress == 0 ? i : UnsafeApi.getInt(selectionAddress + ((long)i << 2));
            final long slot = UnsafeApi.getLong(slotsAddress + (row << 3));
            aggregator.increment(dataAddress + (slot >>> 32), (int)slot);
        }
    }

    private static ColumnBatch output(final BytesLongHashAggregator aggregator)
    {
        final int keys = aggregator.size();
        final BytesColumn outKeys = BytesColumn.allocate(keys, aggregator.keyBytes());
        final LongVector outValues = new LongVector(keys);
        aggregator.copyTo(outKeys, outValues);
        aggregator.clear();
        return ColumnBatch.of(outKeys, outValues);
    }

    /** The word sink of the fused loop: counts each word in the aggregator (empty words too, unless told). */
    public static final class CountingSink implements WordSink
    {
        private BytesLongHashAggregator aggregator;
        private long dataAddress;
        private boolean isSkippingEmpty;

        /** Whether to skip empty words ({@code dropEmpty()} fused in); returns this sink. */
        public CountingSink skipEmpty(final boolean isSkippingEmpty)
        {
            this.isSkippingEmpty = isSkippingEmpty;
            return this;
        }

        void wrap(final BytesLongHashAggregator aggregator, final long dataAddress)
        {
            this.aggregator = aggregator;
            this.dataAddress = dataAddress;
        }

        @Override
        public void onWord(final int offset, final int length)
        {
            if (length == 0 && isSkippingEmpty)
            {
                return;
            }
            aggregator.increment(dataAddress + offset, length);
        }
    }
}

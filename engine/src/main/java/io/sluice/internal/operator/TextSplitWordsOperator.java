package io.sluice.internal.operator;

import io.sluice.internal.column.BytesColumn;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.gen.IntVector;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.List;

/**
 * {@code TextDStream.splitWords()}: the words of each line, as {@code line.split(" ")} gives them
 * ({@link WordSplitter}). Zero copy: the output column views the lines' bytes and holds only one slot per word.
 * When {@link TextCountByValueOperator} reads this operator it fuses with it and this batch is never built.
 */
public final class TextSplitWordsOperator extends Node<String>
{
    private final Node<String> parent;

    public TextSplitWordsOperator(final Node<String> parent)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
    }

    /** The stream of lines. */
    public Node<String> lines()
    {
        return parent;
    }

    @Override
    protected BatchData<String> compute(final long time)
    {
        final BatchData<String> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.columnar(time, ColumnLayout.TEXT, () -> apply(in.columns(ColumnLayout.TEXT)));
    }

    public static ColumnBatch apply(final ColumnBatch in)
    {
        final BytesColumn lines = in.bytes(0);
        final int size = in.size();
        final BytesColumn words = BytesColumn.viewOf(lines, size * 4);
        final IntVector selection = in.selection();
        WordSplitter.split(lines.dataAddress(), lines.slots().address(), selection == null ? 0 : selection.address(),
            size, words::addSlice);
        return ColumnBatch.of(words);
    }
}

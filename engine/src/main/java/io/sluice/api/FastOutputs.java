package io.sluice.api;

import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.graph.Node;
import io.sluice.internal.graph.OutputNode;
import io.sluice.internal.output.PrintFormat;

/** The output operations every fast-path stream shares: print materializes only the rows it prints. */
final class FastOutputs
{
    private FastOutputs()
    {
    }

    static <T> void print(final Node<T> node, final ColumnLayout<T> layout, final int num)
    {
        if (num < 1)
        {
            throw new IllegalArgumentException("print(num) needs num >= 1, was " + num);
        }
        new OutputNode<>(node, "print", (batch, time) ->
            PrintFormat.print(System.out, time, layout.materialize(batch.columns(layout), num + 1), num));
    }
}

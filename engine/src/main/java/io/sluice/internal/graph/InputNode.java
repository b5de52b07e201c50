package io.sluice.internal.graph;

import java.util.List;

/** A source of batches: it has no parents and slides with the batch interval. */
public abstract class InputNode<T> extends Node<T>
{
    protected InputNode(final Graph graph)
    {
        super(graph, List.of());
        graph.registerInput(this);
    }

    @Override
    public final long slideMs()
    {
        return graph.batchMs();
    }

    /** Called once when the context starts, after zero time is known. */
    public void start()
    {
    }

    /** Called once when the context stops. */
    public void stop()
    {
    }
}

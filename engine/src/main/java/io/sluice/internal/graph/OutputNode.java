package io.sluice.internal.graph;

import java.util.List;
import java.util.function.BiConsumer;

/**
 * An output operation (Spark's {@code ForEachDStream}): for each time its parent has a batch, one job that
 * hands the batch to the action. No job when the parent has no batch. An action that is {@link AutoCloseable} is
 * closed when the context stops ({@link #close()}).
 */
public final class OutputNode<T> extends Node<Void>
{
    private final Node<T> parent;
    private final String operation;
    private final BiConsumer<BatchData<T>, Long> action;
    private final int outputId;

    public OutputNode(final Node<T> parent, final String operation, final BiConsumer<BatchData<T>, Long> action)
    {
        super(parent.graph, List.of(parent));
        this.parent = parent;
        this.operation = operation;
        this.action = action;
        this.outputId = graph.registerOutput(this);
    }

    public int outputId()
    {
        return outputId;
    }

    public String operation()
    {
        return operation;
    }

    @Override
    protected BatchData<Void> compute(final long time)
    {
        return null;
    }

    /** The function this output operation runs on every batch. */
    public BiConsumer<BatchData<T>, Long> action()
    {
        return action;
    }

    /**
     * The output operation's stop hook: closes its action when the action holds resources ({@link AutoCloseable},
     * e.g. an open topic queue). Called once when the context stops.
     *
     * @throws Exception what the action's {@code close} threw.
     */
    public void close() throws Exception
    {
        if (action instanceof AutoCloseable closeable)
        {
            closeable.close();
        }
    }

    /**
     * Recovery: the job for {@code time} when this output already ran for it before a crash. Computes the parent's
     * batch without the action when the batch feeds history (state, windows) later batches need; otherwise none.
     */
    public Job replayJob(final long time)
    {
        if (!dependsOnHistory())
        {
            return null;
        }
        final BatchData<T> batch = parent.getOrCompute(time);
        if (batch == null)
        {
            return null;
        }
        return new Job(outputId, operation, time, batch::force, true);
    }

    /** The job for {@code time}, or {@code null} when the parent produced no batch. */
    public Job generateJob(final long time)
    {
        final BatchData<T> batch = parent.getOrCompute(time);
        if (batch == null)
        {
            return null;
        }
        return new Job(outputId, operation, time, () -> action.accept(batch, time), false);
    }
}

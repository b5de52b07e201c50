package io.sluice.internal.input;

import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Graph;
import io.sluice.internal.graph.InputNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Queue;

/**
 * {@code queueStream}: each batch takes the next collection of the queue ({@code oneAtATime}) or all of
 * them, one partition each; when the queue is empty, the default batch if one was given, else an empty batch.
 * The queue is read when the batch is generated, so collections added before a batch time belong to it.
 */
public final class QueueInputNode<T> extends InputNode<T>
{
    private final Queue<? extends Collection<T>> queue;
    private final boolean isOneAtATime;
    private final List<T> defaultBatch;

    public QueueInputNode(final Graph graph, final Queue<? extends Collection<T>> queue, final boolean isOneAtATime,
        final Collection<T> defaultBatch)
    {
        super(graph);
        this.queue = queue;
        this.isOneAtATime = isOneAtATime;
        this.defaultBatch = defaultBatch == null ? null : List.copyOf(defaultBatch);
    }

    @Override
    protected BatchData<T> compute(final long time)
    {
        final List<List<T>> partitions = new ArrayList<>();
        synchronized (queue)
        {
            if (isOneAtATime)
            {
                final Collection<T> next = queue.poll();
                if (next != null)
                {
                    partitions.add(List.copyOf(next));
                }
            }
            else
            {
                Collection<T> next;
                while ((next = queue.poll()) != null)
                {
                    partitions.add(List.copyOf(next));
                }
            }
        }
        if (partitions.isEmpty())
        {
            return defaultBatch != null ? BatchData.single(time, defaultBatch) : BatchData.empty(time);
        }
        return BatchData.of(time, partitions);
    }

    @Override
    public String name()
    {
        return "QueueInputDStream";
    }
}

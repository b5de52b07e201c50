package io.sluice.api;

import io.sluice.internal.topic.TopicInputNode;

/**
 * The input stream of a {@linkplain StreamingContext#chronicleTopic Chronicle topic}: a {@link DStream} that can
 * also tell where it stands in the topic, so a later run can resume right after what this one consumed.
 */
public final class TopicDStream<T> extends DStream<T>
{
    private final TopicInputNode<T> topic;

    TopicDStream(final StreamingContext context, final TopicInputNode<T> node)
    {
        super(context, node);
        this.topic = node;
    }

    /**
     * Where to start a later run so that it reads exactly the documents after the batches up to {@code time}:
     * {@link TopicStart#after(long)} the last document of the batches up to {@code time}, or this input's own
     * start when none was read yet. Call it from an output operation of batch {@code time} or later (for example
     * the last {@code foreachBatch}, to store it once the batch's outputs are done).
     *
     * @throws IllegalStateException if the batch of {@code time} was not cut yet or is too old to be remembered.
     */
    public TopicStart positionAfter(final Time time)
    {
        final long index = topic.lastIndexUpTo(time.milliseconds());
        return index == io.sluice.internal.topic.TopicQueues.NONE ? TopicStart.BEGINNING : TopicStart.after(index);
    }
}

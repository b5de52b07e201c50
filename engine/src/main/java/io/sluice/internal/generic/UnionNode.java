package io.sluice.internal.generic;

import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code union}: the partitions of every parent, parents in the given order (Spark's {@code UnionRDD}), so the
 * elements of the first parent come first. All parents must share the slide duration; a parent without a batch at a
 * valid time fails the batch ({@code SluiceException}, as Spark's {@code SparkException}).
 */
public final class UnionNode<T> extends Node<T>
{
    private final List<Node<T>> inputs;

    public UnionNode(final List<Node<T>> inputs)
    {
        super(checked(inputs).get(0).graph(), new ArrayList<>(inputs));
        this.inputs = List.copyOf(inputs);
    }

    private static <T> List<Node<T>> checked(final List<Node<T>> inputs)
    {
        MultiParent.requireSameSlide(inputs, "union");
        return inputs;
    }

    @Override
    protected BatchData<T> compute(final long time)
    {
        final List<BatchData<T>> batches = new ArrayList<>(inputs.size());
        for (final Node<T> input : inputs)
        {
            batches.add(MultiParent.parentBatch(input, time, MultiParent.NO_UNION_PARENT_BATCH, "union"));
        }
        return BatchData.lazy(time, isPersisted(), () ->
        {
            final List<List<T>> out = new ArrayList<>();
            for (final BatchData<T> batch : batches)
            {
                out.addAll(batch.partitions());
            }
            return out;
        });
    }

    @Override
    public String name()
    {
        return "UnionDStream";
    }
}

package io.sluice.internal.generic;

import io.sluice.api.Batch;
import io.sluice.api.SluiceException;
import io.sluice.api.Time;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@code transform}, {@code transformWith} and {@code StreamingContext.transform} (Spark's
 * {@code TransformedDStream}): the function receives the batches of all parents for the time and returns the
 * elements of this stream's batch, as one partition.
 *
 * <p>At generation every parent must have a batch (else {@code SluiceException} "Couldn't generate RDD from parent
 * at time ..."). The function itself runs once per batch, on the job thread, when the batch is first read (Spark
 * calls it once per batch on the driver); its result is kept with the batch. A {@code null} result fails the batch.
 */
public final class TransformNode<R> extends Node<R>
{
    private final List<Node<?>> inputs;
    private final BiFunction<List<Batch<?>>, Time, ? extends Collection<R>> f;

    public TransformNode(final List<Node<?>> inputs, final BiFunction<List<Batch<?>>, Time, ? extends Collection<R>> f)
    {
        super(checked(inputs).get(0).graph(), inputs);
        this.inputs = List.copyOf(inputs);
        this.f = f;
    }

    private static List<Node<?>> checked(final List<Node<?>> inputs)
    {
        MultiParent.requireSameSlide(inputs, "transform");
        return inputs;
    }

    @Override
    protected BatchData<R> compute(final long time)
    {
        final List<Batch<?>> batches = new ArrayList<>(inputs.size());
        for (final Node<?> input : inputs)
        {
            batches.add(MultiParent.parentBatch(input, time, MultiParent.NO_PARENT_BATCH, "transform"));
        }
        final List<Batch<?>> view = List.copyOf(batches);
        return BatchData.lazy(time, true, () ->
        {
            final Collection<R> result = f.apply(view, new Time(time));
            if (result == null)
            {
                throw new SluiceException("Transform function must not return null. Return an empty collection "
                    + "(List.of()) instead to represent no element (transform at time " + time + " ms)");
            }
            return List.of(new ArrayList<>(result));
        });
    }

    @Override
    public String name()
    {
        return "TransformedDStream";
    }
}

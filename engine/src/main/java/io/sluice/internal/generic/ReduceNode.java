package io.sluice.internal.generic;

import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;

import java.util.Collections;
import java.util.List;
import java.util.function.BinaryOperator;

/**
 * {@code reduce(f)}: one partition holding the reduction of every element of the batch (partitions read in index
 * order, each reduced, then the partial results reduced in partition order, as Spark does). An empty batch gives an
 * empty batch: no element at all, unlike {@code count()} which gives {@code [0]}.
 */
public final class ReduceNode<T> extends Node<T>
{
    private final Node<T> parent;
    private final BinaryOperator<T> f;

    public ReduceNode(final Node<T> parent, final BinaryOperator<T> f)
    {
        super(parent.graph(), List.of(parent));
        this.parent = parent;
        this.f = f;
    }

    @Override
    protected BatchData<T> compute(final long time)
    {
        final BatchData<T> in = parent.getOrCompute(time);
        if (in == null)
        {
            return null;
        }
        return BatchData.lazy(time, isPersisted(), () -> List.of(reduce(in.partitions(), f)));
    }

    /** The reduction as a list of zero (no elements) or one element. */
    static <T> List<T> reduce(final List<List<T>> parts, final BinaryOperator<T> f)
    {
        boolean hasResult = false;
        T result = null;
        for (final List<T> part : parts)
        {
            if (part.isEmpty())
            {
                continue;
            }
            T partial = part.get(0);
            for (int i = 1, size = part.size(); i < size; i++)
            {
                partial = f.apply(partial, part.get(i));
            }
            result = hasResult ? f.apply(result, partial) : partial;
            hasResult = true;
        }
        return hasResult ? Collections.singletonList(result) : List.of();
    }

    @Override
    public String name()
    {
        return "ReducedDStream";
    }
}

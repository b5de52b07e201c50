package io.sluice.testkit;

import io.sluice.api.DStream;
import io.sluice.api.StreamingContext;
import io.sluice.internal.context.ContextInternals;
import io.sluice.internal.context.StreamFactory;
import io.sluice.internal.input.ListInputNode;

import java.util.List;

/** Builds the testkit's list inputs on a context's graph. */
final class TestInputs
{
    private TestInputs()
    {
    }

    static <T> DStream<T> create(final StreamingContext context, final List<? extends List<T>> batches,
        final int numPartitions)
    {
        final ListInputNode<T> node = new ListInputNode<>(ContextInternals.Access.of(context).graph(), batches,
            numPartitions);
        return StreamFactory.Access.get().wrap(context, node);
    }
}

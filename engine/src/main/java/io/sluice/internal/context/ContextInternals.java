package io.sluice.internal.context;

import io.sluice.api.StreamingContext;
import io.sluice.internal.graph.Graph;

import java.util.function.Function;

/**
 * What the testkit (and other internal code) may ask of a running context beyond the public API. The api
 * package installs the accessor when {@link StreamingContext} loads.
 */
public interface ContextInternals
{
    Graph graph();

    /** Waits until every batch up to {@code timeMs} is done; false on timeout or when the context stopped. */
    boolean awaitBatchesDone(long timeMs, long timeoutMs) throws InterruptedException;

    /** Waits until listener events posted so far were delivered. */
    boolean awaitListenersDrained(long timeoutMs) throws InterruptedException;

    /** Records accepted from receivers so far, all streams. */
    long acceptedRecords();

    /** The data directory of a started context (its queues, manifest, dead letters); null before start. */
    java.nio.file.Path dataDir();

    /** The first batch failure not yet taken, or {@code null}; taking it clears it. */
    RuntimeException takeError();

    /** The accessor, installed by {@code StreamingContext}'s static initializer. */
    final class Access
    {
        private static volatile Function<StreamingContext, ContextInternals> accessor;

        private Access()
        {
        }

        public static void install(final Function<StreamingContext, ContextInternals> f)
        {
            accessor = f;
        }

        public static ContextInternals of(final StreamingContext context)
        {
            if (accessor == null)
            {
                // Loading StreamingContext runs its static initializer, which installs the accessor.
                StreamingContext.class.getName();
            }
            return accessor.apply(context);
        }
    }
}

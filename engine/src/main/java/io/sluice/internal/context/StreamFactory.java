package io.sluice.internal.context;

import io.sluice.api.DStream;
import io.sluice.api.StreamingContext;
import io.sluice.internal.graph.Node;

/**
 * Wraps an internal node into a public {@link DStream} for code outside the api package (the testkit's inputs).
 * Installed by {@link StreamingContext}'s static initializer.
 */
public interface StreamFactory
{
    <T> DStream<T> wrap(StreamingContext context, Node<T> node);

    /** The installed factory. */
    final class Access
    {
        private static volatile StreamFactory factory;

        private Access()
        {
        }

        public static void install(final StreamFactory f)
        {
            factory = f;
        }

        public static StreamFactory get()
        {
            if (factory == null)
            {
                StreamingContext.class.getName();
            }
            return factory;
        }
    }
}

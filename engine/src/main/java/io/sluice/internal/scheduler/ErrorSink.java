package io.sluice.internal.scheduler;

/** Where the scheduler reports a batch's failure (the context keeps them for awaitTermination). */
@FunctionalInterface
public interface ErrorSink
{
    void report(RuntimeException error);

    /**
     * A failure the context cannot go on after ({@code OutOfMemoryError} and the other fatal errors of Spark's
     * {@code NonFatal}); the context stops. Default: reported only.
     */
    default void fatal(final String what, final Throwable cause)
    {
        report(new io.sluice.api.SluiceException(what, cause));
    }

    /** Keeps a record of a failed batch in the dead-letter queue ({@code sluice.output.onFailure=deadLetter}). */
    default void deadLetter(final String stream, final String reason, final String record)
    {
    }
}

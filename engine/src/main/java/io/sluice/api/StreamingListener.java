package io.sluice.api;

/**
 * Receives a context's events on the listener thread ("sluice-listener-bus"), in order. Every method is a
 * no-op by default. A listener must not block; it must not call {@link StreamingContext#stop()} (that throws).
 */
public interface StreamingListener
{
    /** The context started; {@code time} is the clock's millis at start. */
    default void onStreamingStarted(final long time)
    {
    }

    default void onReceiverStarted(final ReceiverInfo info)
    {
    }

    default void onReceiverError(final ReceiverInfo info)
    {
    }

    default void onReceiverStopped(final ReceiverInfo info)
    {
    }

    /** A batch's jobs were submitted. Batches without any job are not submitted and get no event. */
    default void onBatchSubmitted(final BatchInfo info)
    {
    }

    default void onBatchStarted(final BatchInfo info)
    {
    }

    /** All jobs of the batch ended, successfully or not. */
    default void onBatchCompleted(final BatchInfo info)
    {
    }

    default void onOutputOperationStarted(final OutputOperationInfo info)
    {
    }

    default void onOutputOperationCompleted(final OutputOperationInfo info)
    {
    }

    /**
     * The context could not go on (its ingest log or manifest could not be written: a full disk, an unwritable
     * directory) and is stopping; {@code cause} is what {@code awaitTermination} rethrows. Not in Spark.
     */
    default void onStreamingFailed(final long time, final Throwable cause)
    {
    }
}

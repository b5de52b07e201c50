package io.sluice.internal.scheduler;

/**
 * Where the job executor records what completed, for recovery (the manifest's output-done and batch-done records).
 * Called on the job executor thread only, in batch order.
 */
public interface CompletionLog
{
    /** A context without a checkpoint directory: nothing is recorded. */
    CompletionLog NONE = new CompletionLog()
    {
        @Override
        public void outputDone(final long time, final int outputId)
        {
        }

        @Override
        public void batchDone(final long time, final long processingMicros)
        {
        }
    };

    /** Output operation {@code outputId} of batch {@code time} ran to completion. */
    void outputDone(long time, int outputId);

    /**
     * Every output operation of batch {@code time} ran (or the batch had none), taking {@code processingMicros}
     * (0 when nothing ran).
     */
    void batchDone(long time, long processingMicros);
}

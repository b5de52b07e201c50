package io.sluice.internal.scheduler;

/**
 * Marks batch boundaries in the ingest log. {@link #cut} runs on the thread that sees the clock reach the batch
 * time (synchronously, before a {@code ManualClock} shows the new time); {@link #awaitCut} on the generator
 * thread, before the batch's jobs are generated.
 */
public interface BatchCutter
{
    /** A context without receivers: nothing to cut. */
    BatchCutter NONE = new BatchCutter()
    {
        @Override
        public void cut(final long time)
        {
        }

        @Override
        public void awaitCut(final long time)
        {
        }
    };

    void cut(long time);

    /** Returns once the boundary of {@code time} is in the manifest and the batch's segments are known. */
    void awaitCut(long time) throws InterruptedException;
}

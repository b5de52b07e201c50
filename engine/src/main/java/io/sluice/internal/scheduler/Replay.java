package io.sluice.internal.scheduler;

import java.util.List;

/**
 * The batches a recovering context re-runs before its first new batch: sealed batches of the crashed run, in time
 * order, on exactly their recorded segments. An output operation that already completed for a batch is not run
 * again; its batch is still computed when later batches need it (state, windows).
 */
public interface Replay
{
    /** Nothing to replay. */
    Replay NONE = new Replay()
    {
        @Override
        public List<Long> times()
        {
            return List.of();
        }

        @Override
        public void prepare(final long time)
        {
        }

        @Override
        public boolean isOutputDone(final long time, final int outputId)
        {
            return false;
        }
    };

    /** The batch times to re-run, ascending. */
    List<Long> times();

    /** Makes the recorded segments of {@code time} known to the inputs; on the generator thread. */
    void prepare(long time);

    /** Whether output {@code outputId} of batch {@code time} completed before the crash. */
    boolean isOutputDone(long time, int outputId);
}

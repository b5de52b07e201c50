package io.sluice.internal.context;

import io.sluice.internal.checkpoint.Snapshotter;
import io.sluice.internal.log.BatchManifest;
import io.sluice.internal.scheduler.CompletionLog;

/**
 * Records completed outputs and batches in the manifest, on the job executor thread (its writer's thread), and lets
 * the snapshotter snapshot after a checkpoint batch.
 */
final class ManifestCompletions implements CompletionLog
{
    private final BatchManifest.Writer writer;
    private final Snapshotter snapshotter;

    private final java.util.function.BiConsumer<String, Throwable> fatal;

    ManifestCompletions(final BatchManifest.Writer writer, final Snapshotter snapshotter,
        final java.util.function.BiConsumer<String, Throwable> fatal)
    {
        this.writer = writer;
        this.snapshotter = snapshotter;
        this.fatal = fatal;
    }

    @Override
    public void outputDone(final long time, final int outputId)
    {
        try
        {
            writer.outputDone(time, outputId);
        }
        catch (final RuntimeException | Error ex)
        {
            fatal.accept("the batch manifest cannot be written", ex);
            throw ex;
        }
    }

    @Override
    public void batchDone(final long time)
    {
        try
        {
            writer.batchDone(time);
        }
        catch (final RuntimeException | Error ex)
        {
            fatal.accept("the batch manifest cannot be written", ex);
            throw ex;
        }
        snapshotter.afterBatch(time);
    }
}

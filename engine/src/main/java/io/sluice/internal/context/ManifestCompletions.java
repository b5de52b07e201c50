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


    private final java.util.function.LongConsumer afterBatch;

    /**
     * @param writer      the executor's manifest writer, or {@code null} when nothing is recovered (no checkpoint
     *                    directory): then only {@code afterBatch} runs.
     * @param snapshotter the snapshotter, or {@code null}.
     * @param afterBatch  told each completed batch time (log retention).
     */
    ManifestCompletions(final BatchManifest.Writer writer, final Snapshotter snapshotter,
        final java.util.function.LongConsumer afterBatch)
    {
        this.afterBatch = afterBatch;
        this.writer = writer;
        this.snapshotter = snapshotter;
    }

    @Override
    public void outputDone(final long time, final int outputId)
    {
        if (writer != null)
        {
            writer.outputDone(time, outputId);
        }
    }

    @Override
    public void batchDone(final long time, final long processingMicros)
    {
        if (writer != null)
        {
            writer.batchDone(time, processingMicros);
        }
        if (snapshotter != null)
        {
            snapshotter.afterBatch(time);
        }
        afterBatch.accept(time);
    }
}

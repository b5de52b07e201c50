package io.sluice.internal.context;

import io.sluice.internal.log.BatchManifest;
import io.sluice.internal.scheduler.CompletionLog;

/** Records completed outputs and batches in the manifest, on the job executor thread (its writer's thread). */
final class ManifestCompletions implements CompletionLog
{
    private final BatchManifest.Writer writer;

    ManifestCompletions(final BatchManifest.Writer writer)
    {
        this.writer = writer;
    }

    @Override
    public void outputDone(final long time, final int outputId)
    {
        writer.outputDone(time, outputId);
    }

    @Override
    public void batchDone(final long time)
    {
        writer.batchDone(time);
    }
}

package io.sluice.internal.context;

import io.sluice.internal.log.BatchManifest;
import io.sluice.internal.log.BatchSegments;
import io.sluice.internal.scheduler.BatchCutter;

import java.util.List;

/**
 * The cutter of a recoverable context without receivers: it has no ingest log to cut, but recovery still needs each
 * batch's seal in the manifest (which batch times exist), so the generator writes an empty one before the batch's
 * jobs are generated.
 */
final class SealCutter implements BatchCutter
{
    private final BatchManifest.Writer writer;

    /**
     * @param writer used only on the generator thread.
     * @param onSeal told of each seal (retention).
     */
    private final java.util.function.Consumer<BatchSegments> onSeal;

    SealCutter(final BatchManifest.Writer writer, final java.util.function.Consumer<BatchSegments> onSeal)
    {
        this.onSeal = onSeal;
        this.writer = writer;
    }

    @Override
    public void cut(final long time)
    {
    }

    @Override
    public void awaitCut(final long time)
    {
        final BatchSegments seal = new BatchSegments(time, List.of());
        writer.seal(seal);
        onSeal.accept(seal);
    }
}

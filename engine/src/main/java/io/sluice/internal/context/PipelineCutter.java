package io.sluice.internal.context;

import io.sluice.internal.ingest.IngestPipeline;
import io.sluice.internal.input.SegmentBook;
import io.sluice.internal.scheduler.BatchCutter;

/** Cuts batch boundaries into the ingest ring and files each batch's segments in the {@link SegmentBook}. */
final class PipelineCutter implements BatchCutter
{
    private final IngestPipeline pipeline;
    private final SegmentBook book;
    private final long keepMs;
    private final java.util.function.Consumer<io.sluice.internal.log.BatchSegments> onSeal;

    /**
     * @param keepMs how long the segments of a batch stay known (the longest a receiver input is remembered).
     */
    PipelineCutter(final IngestPipeline pipeline, final SegmentBook book, final long keepMs,
        final java.util.function.Consumer<io.sluice.internal.log.BatchSegments> onSeal)
    {
        this.onSeal = onSeal;
        this.pipeline = pipeline;
        this.book = book;
        this.keepMs = keepMs;
    }

    @Override
    public void cut(final long time)
    {
        pipeline.cut(time);
    }

    @Override
    public void awaitCut(final long time) throws InterruptedException
    {
        final io.sluice.internal.log.BatchSegments segments = pipeline.awaitSegments(time);
        book.put(time, segments);
        onSeal.accept(segments);
        book.forgetUpTo(time - keepMs);
    }
}

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

    /**
     * @param keepMs how long the segments of a batch stay known (the longest a receiver input is remembered).
     */
    PipelineCutter(final IngestPipeline pipeline, final SegmentBook book, final long keepMs)
    {
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
        book.put(time, pipeline.awaitSegments(time));
        book.forgetUpTo(time - keepMs);
    }
}

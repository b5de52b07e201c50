package io.sluice.internal.context;

import io.sluice.internal.graph.Graph;
import io.sluice.internal.log.BatchManifest;
import io.sluice.internal.scheduler.BatchCutter;
import io.sluice.internal.topic.TopicInputNode;

/**
 * Records, after each batch's seal and before its jobs are generated, the index range every Chronicle topic input
 * cut for the batch (a source record in the manifest), so recovery re-reads exactly those records when the batch runs
 * again. A crash between the seal and this record leaves the batch's topic records to the first new batch: they are
 * read once either way, because the job runs only after the record.
 */
final class SourceRecordingCutter implements BatchCutter
{
    private final BatchCutter inner;
    private final Graph graph;
    private final BatchManifest.Writer writer;

    /** @param writer used only on the generator thread. */
    SourceRecordingCutter(final BatchCutter inner, final Graph graph, final BatchManifest.Writer writer)
    {
        this.inner = inner;
        this.graph = graph;
        this.writer = writer;
    }

    @Override
    public void cut(final long time)
    {
        inner.cut(time);
    }

    @Override
    public void awaitCut(final long time) throws InterruptedException
    {
        inner.awaitCut(time);
        for (int i = 0; i < graph.inputs().size(); i++)
        {
            if (graph.inputs().get(i) instanceof TopicInputNode<?> topic)
            {
                final long[] range = topic.rangeFor(time);
                if (range != null)
                {
                    writer.source(time, i, range[0], range[1]);
                }
            }
        }
    }
}

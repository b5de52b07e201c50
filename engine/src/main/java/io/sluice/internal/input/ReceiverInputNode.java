package io.sluice.internal.input;

import io.sluice.api.Codec;
import io.sluice.api.Codecs;
import io.sluice.internal.column.ColumnBatch;
import io.sluice.internal.column.ColumnLayout;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Graph;
import io.sluice.internal.graph.InputNode;
import io.sluice.internal.log.BatchSegments;
import io.sluice.internal.log.Segment;
import io.sluice.internal.log.SegmentReader;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The input of a receiver: batch {@code t} is the segment the log writer cut for {@code t}, read back from the
 * stream's Chronicle queue, as one partition. Reading happens when a job first reads the batch; the decoded batch
 * is kept for as long as the graph remembers it.
 *
 * <p>Streams with a built-in codec decode straight from Chronicle's mapped memory into an off-heap column
 * ({@code Codecs.STRING}: a UTF-8 bytes column; {@code LONG}, {@code DOUBLE}: a primitive vector), so fast-path
 * operators read them without any object; a generic reader gets the objects materialized once from the column
 * (the same values the codec decodes). Other codecs decode into objects with the codec.
 */
public final class ReceiverInputNode<T> extends InputNode<T>
{
    private final String name;
    private final Codec<T> codec;
    private final SegmentBook book;
    private final Function<Integer, SegmentReader> readers;
    private int streamId = -1;
    private SegmentReader reader;

    /**
     * @param readers gives the reader of a stream id once the pipeline exists (at start).
     */
    public ReceiverInputNode(final Graph graph, final String name, final Codec<T> codec, final SegmentBook book,
        final Function<Integer, SegmentReader> readers)
    {
        super(graph);
        this.name = name;
        this.codec = codec;
        this.book = book;
        this.readers = readers;
    }

    public void streamId(final int streamId)
    {
        this.streamId = streamId;
    }

    public int streamId()
    {
        return streamId;
    }

    public String streamName()
    {
        return name;
    }

    public Codec<T> codec()
    {
        return codec;
    }

    @Override
    protected BatchData<T> compute(final long time)
    {
        final BatchSegments segments = book.get(time);
        if (segments == null)
        {
            return BatchData.empty(time);
        }
        final Segment segment = segments.segment(streamId);
        final ColumnLayout<T> layout = columnLayout(codec);
        if (layout != null)
        {
            return BatchData.columnar(time, layout, () -> readColumns(segment));
        }
        return BatchData.lazy(time, true, () -> List.of(read(segment)));
    }

    /** The column layout a built-in codec decodes into, or {@code null} for objects. */
    @SuppressWarnings("unchecked")
    static <T> ColumnLayout<T> columnLayout(final Codec<T> codec)
    {
        if (codec == (Object)Codecs.STRING)
        {
            return (ColumnLayout<T>)ColumnLayout.TEXT;
        }
        if (codec == (Object)Codecs.LONG)
        {
            return (ColumnLayout<T>)ColumnLayout.LONGS;
        }
        if (codec == (Object)Codecs.DOUBLE)
        {
            return (ColumnLayout<T>)ColumnLayout.DOUBLES;
        }
        return null;
    }

    private synchronized ColumnBatch readColumns(final Segment segment)
    {
        if (reader == null)
        {
            reader = readers.apply(streamId);
        }
        if (codec == (Object)Codecs.STRING)
        {
            return SegmentColumns.readText(reader, segment);
        }
        if (codec == (Object)Codecs.LONG)
        {
            return SegmentColumns.readLongs(reader, segment);
        }
        return SegmentColumns.readDoubles(reader, segment);
    }

    private synchronized List<T> read(final Segment segment)
    {
        if (reader == null)
        {
            reader = readers.apply(streamId);
        }
        final List<T> records = new ArrayList<>((int)Math.min(segment.recordCount(), 1 << 20));
        reader.read(segment, codec, records::add);
        return records;
    }

    @Override
    public String name()
    {
        return name;
    }
}

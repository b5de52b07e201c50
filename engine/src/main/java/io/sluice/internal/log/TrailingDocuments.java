package io.sluice.internal.log;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * Finds the documents a stream's queue holds after its last sealed segment: the records a crashed process appended
 * after its last cut, which recovery gives to the next batch (they are in the log, so they were accepted).
 *
 * <p>Called once per stream at start, before the log writer runs; allocates one tailer.
 */
public final class TrailingDocuments
{
    private TrailingDocuments()
    {
    }

    /**
     * @param lastSealed the stream's last non-empty sealed segment, or {@code null} when no segment of it was ever
     *                   sealed (then every document of the queue is trailing).
     * @return the trailing documents as a segment (empty when there are none).
     * @throws IllegalStateException if the queue no longer holds {@code lastSealed}.
     */
    public static Segment after(final int streamId, final ChronicleQueue queue, final Segment lastSealed)
    {
        try (ExcerptTailer tailer = queue.createTailer())
        {
            if (null == lastSealed)
            {
                tailer.toStart();
            }
            else
            {
                if (!tailer.moveToIndex(lastSealed.firstIndex()))
                {
                    throw new IllegalStateException("the queue of stream " + streamId + " has no document at index "
                        + Long.toHexString(lastSealed.firstIndex()) + ", where the manifest's last sealed segment "
                        + "starts: its files were removed or belong to another queue");
                }
                for (long d = 0; d < lastSealed.documentCount(); d++)
                {
                    try (DocumentContext dc = tailer.readingDocument())
                    {
                        if (!dc.isPresent())
                        {
                            throw new IllegalStateException("the queue of stream " + streamId + " ends inside its "
                                + "last sealed segment " + lastSealed + " (after " + d + " documents)");
                        }
                    }
                }
            }
            long firstIndex = Segment.NULL_INDEX;
            long documents = 0;
            long records = 0;
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    if (0 == documents)
                    {
                        firstIndex = dc.index();
                    }
                    documents++;
                    records += bytes.readInt(bytes.readPosition() + BlockDescriptor.RECORD_COUNT_OFFSET);
                }
            }
            return 0 == documents ? Segment.empty(streamId) : new Segment(streamId, firstIndex, documents, records);
        }
    }

    /** How many records {@code queue} holds in the documents after {@code index} (-1: every document). */
    public static long recordsAfter(final ChronicleQueue queue, final long index)
    {
        try (ExcerptTailer tailer = queue.createTailer())
        {
            if (index < 0)
            {
                tailer.toStart();
            }
            else
            {
                if (!tailer.moveToIndex(index))
                {
                    throw new IllegalStateException("the queue has no document at index " + Long.toHexString(index));
                }
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        return 0;
                    }
                }
            }
            long records = 0;
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        return records;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    records += bytes.readInt(bytes.readPosition() + BlockDescriptor.RECORD_COUNT_OFFSET);
                }
            }
        }
    }
}

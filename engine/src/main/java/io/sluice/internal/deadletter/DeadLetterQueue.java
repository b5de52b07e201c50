package io.sluice.internal.deadletter;

import io.sluice.api.Clock;
import io.sluice.api.DeadLetter;
import io.sluice.internal.log.ChronicleSetup;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The context's dead-letter queue: rejected records with their reason, appended to a Chronicle queue under
 * {@code <dataDir>/dead-letters} (created on the first rejection). Not a hot path: a rejection is rare.
 *
 * <p>Thread-safe: any receiver thread may add; reads take a snapshot.
 */
public final class DeadLetterQueue implements AutoCloseable
{
    static
    {
        ChronicleSetup.ensure();
    }

    private final Path directory;
    private final Clock clock;
    private final int maxRecordChars;
    private final AtomicLong count = new AtomicLong();
    private ChronicleQueue queue;
    private boolean isClosed;

    public DeadLetterQueue(final Path directory, final Clock clock, final int maxRecordChars)
    {
        this.directory = directory;
        this.clock = clock;
        this.maxRecordChars = maxRecordChars;
    }

    public synchronized void add(final String stream, final String reason, final String record)
    {
        if (isClosed)
        {
            throw new IllegalStateException("context is stopped: dead letter from " + stream + " not kept: " + reason);
        }
        final String kept = record.length() > maxRecordChars ? record.substring(0, maxRecordChars) : record;
        final String why = kept.length() < record.length()
            ? reason + " [record cut to its first " + maxRecordChars + " characters by sluice.deadLetter.maxRecordBytes]"
            : reason;
        // Rare path: an appender per rejection keeps the single-thread rule of Chronicle appenders simple.
        try (ExcerptAppender appender = queue().createAppender(); DocumentContext dc = appender.writingDocument())
        {
            dc.wire().write("time").int64(clock.millis())
                .write("stream").text(stream)
                .write("reason").text(why)
                .write("record").text(kept);
        }
        count.incrementAndGet();
    }

    /** How many records were rejected since the context started. */
    public long count()
    {
        return count.get();
    }

    /** Every dead letter kept so far, oldest first. */
    public synchronized List<DeadLetter> readAll()
    {
        final List<DeadLetter> letters = new ArrayList<>();
        if (queue == null)
        {
            return letters;
        }
        try (ExcerptTailer tailer = queue.createTailer())
        {
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    final long time = dc.wire().read("time").int64();
                    final String stream = dc.wire().read("stream").text();
                    final String reason = dc.wire().read("reason").text();
                    final String record = dc.wire().read("record").text();
                    letters.add(new DeadLetter(time, stream, reason, record));
                }
            }
        }
        return letters;
    }

    private ChronicleQueue queue()
    {
        if (queue == null)
        {
            queue = ChronicleQueue.singleBuilder(directory).build();
        }
        return queue;
    }

    @Override
    public synchronized void close()
    {
        isClosed = true;
        if (queue != null)
        {
            queue.close();
            queue = null;
        }
    }
}

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
    private final AtomicLong overflow = new AtomicLong();
    private final long maxLetters;
    private long stored = -1;
    private ChronicleQueue queue;
    private boolean isClosed;

    public DeadLetterQueue(final Path directory, final Clock clock, final int maxRecordChars)
    {
        this(directory, clock, maxRecordChars, Long.MAX_VALUE);
    }

    /**
     * @param maxLetters how many dead letters the queue keeps in all, earlier runs' included
     *                   ({@code sluice.deadLetter.maxRecords}); later ones are counted as overflow, not kept.
     */
    public DeadLetterQueue(final Path directory, final Clock clock, final int maxRecordChars, final long maxLetters)
    {
        this.directory = directory;
        this.clock = clock;
        this.maxRecordChars = maxRecordChars;
        this.maxLetters = maxLetters;
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DeadLetterQueue.class);
    private static final long LOG_EVERY_MS = 10_000;
    private long lastLogMs = Long.MIN_VALUE;
    private long unlogged;

    public synchronized void add(final String stream, final String reason, final String record)
    {
        if (isClosed)
        {
            throw new IllegalStateException("context is stopped: dead letter from " + stream + " not kept: " + reason);
        }
        if (stored < 0)
        {
            stored = countStored();
        }
        count.incrementAndGet();
        logBurst(stream, reason);
        if (stored >= maxLetters)
        {
            overflow.incrementAndGet();
            return;
        }
        stored++;
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
    }

    /**
     * Logs the first dead letter, then at most one line per {@value #LOG_EVERY_MS} ms of the context's clock with how
     * many came since: a burst of bad input is visible in the log without a line per record.
     */
    private void logBurst(final String stream, final String reason)
    {
        final long now = clock.millis();
        unlogged++;
        if (lastLogMs == Long.MIN_VALUE || now - lastLogMs >= LOG_EVERY_MS)
        {
            LOG.warn("{} dead letter(s) since the last report; latest from {}: {} (kept in {}, read them with "
                + "StreamingContext.deadLetters())", unlogged, stream, reason, directory);
            lastLogMs = now;
            unlogged = 0;
        }
    }

    /** Rejections beyond the cap since the context started: counted, not kept. */
    public long overflow()
    {
        return overflow.get();
    }

    /** How many dead letters the queue holds (earlier runs' included). */
    public synchronized long stored()
    {
        if (stored < 0)
        {
            stored = countStored();
        }
        return stored;
    }

    private long countStored()
    {
        final ChronicleQueue existing = existingQueue();
        if (existing == null)
        {
            return 0;
        }
        long n = 0;
        try (ExcerptTailer tailer = existing.createTailer())
        {
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        return n;
                    }
                    n++;
                }
            }
        }
        finally
        {
            releaseIfClosed(existing);
        }
    }

    /** How many records were rejected since the context started. */
    public long count()
    {
        return count.get();
    }

    /** Every dead letter kept so far (earlier runs' included), oldest first. */
    public synchronized List<DeadLetter> readAll()
    {
        return read(0, Integer.MAX_VALUE);
    }

    /**
     * Up to {@code max} dead letters from the {@code from}-th (0 = the oldest), earlier runs' included; readable
     * after the context stopped too.
     */
    public synchronized List<DeadLetter> read(final long from, final int max)
    {
        final List<DeadLetter> letters = new ArrayList<>();
        final ChronicleQueue existing = existingQueue();
        if (existing == null)
        {
            return letters;
        }
        try (ExcerptTailer tailer = existing.createTailer())
        {
            long index = 0;
            while (letters.size() < max)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        break;
                    }
                    if (index++ < from)
                    {
                        continue;
                    }
                    final long time = dc.wire().read("time").int64();
                    final String stream = dc.wire().read("stream").text();
                    final String reason = dc.wire().read("reason").text();
                    final String record = dc.wire().read("record").text();
                    letters.add(new DeadLetter(time, stream, reason, record));
                }
            }
        }
        finally
        {
            releaseIfClosed(existing);
        }
        return letters;
    }

    /** The open queue, or (also after close) the one a run left on disk, or {@code null} when there is none. */
    private ChronicleQueue existingQueue()
    {
        if (queue != null)
        {
            return queue;
        }
        if (!java.nio.file.Files.isDirectory(directory))
        {
            return null;
        }
        if (isClosed)
        {
            return ChronicleQueue.singleBuilder(directory).readOnly(true).build();
        }
        return queue();
    }

    private void releaseIfClosed(final ChronicleQueue existing)
    {
        if (existing != queue)
        {
            existing.close();
        }
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

package io.sluice.internal.log;

import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.nio.file.Path;

/**
 * How Sluice opens its Chronicle queues and writes raw bytes into them: the one place that knows the queue
 * settings (binary wire, roll cycle from config) and the one write shape
 * ({@code try (DocumentContext dc = appender.writingDocument())}).
 *
 * <p>Stateless; thread-safe. {@link #append} allocates nothing.
 */
public final class LogQueues
{
    static
    {
        ChronicleSetup.ensure();
    }

    private LogQueues()
    {
    }

    /**
     * Opens (creating if needed) the queue in {@code dir}.
     */
    public static SingleChronicleQueue open(final Path dir, final RollCycle rollCycle)
    {
        return SingleChronicleQueueBuilder.binary(dir).rollCycle(rollCycle).build();
    }

    /**
     * Opens (creating if needed) the queue in {@code dir}, rolling by {@code timeProvider}'s clock rather than the
     * system's: for tests that make a queue roll to its next cycle on demand.
     */
    public static SingleChronicleQueue open(final Path dir, final RollCycle rollCycle, final TimeProvider timeProvider)
    {
        return SingleChronicleQueueBuilder.binary(dir).rollCycle(rollCycle).timeProvider(timeProvider).build();
    }

    /**
     * Appends {@code length} bytes at native {@code address} as one document.
     *
     * <p>Called only from the thread that owns {@code appender} (Chronicle appenders are not thread-safe).
     *
     * @return the Chronicle index of the new document.
     */
    public static long append(final ExcerptAppender appender, final long address, final int length)
    {
        try (DocumentContext dc = appender.writingDocument())
        {
            final Bytes<?> bytes = dc.wire().bytes();
            bytes.unsafeWrite(address, length);
        }
        return appender.lastIndexAppended();
    }
}

package io.sluice.api;

import io.sluice.internal.context.ContextInternals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Child-JVM main for {@code ShutdownTest}: a context on the system clock with a temporary data directory, one
 * receiver and an output that writes the running record count to {@code args[0]}; stores {@code args[1]} records,
 * waits until they are accepted, prints {@code READY <dataDir>} and waits to be signalled.
 */
public final class ShutdownProbe
{
    private ShutdownProbe()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Path countFile = Path.of(args[0]);
        final int records = Integer.parseInt(args[1]);
        final StreamingContext context = StreamingContext.builder().appName("shutdown-probe")
            .batchInterval(Duration.ofMillis(100)).set("sluice.ui.enabled", "false")
            .set("sluice.stop.gracefullyOnShutdown", "true").build();
        final PassiveReceiver<String> receiver = new PassiveReceiver<>();
        final AtomicLong seen = new AtomicLong();
        context.receiverStream(receiver, Codecs.STRING).count().foreachBatch((batch, time) ->
        {
            final long total = seen.addAndGet(batch.collect().get(0));
            try
            {
                Files.writeString(countFile, Long.toString(total));
            }
            catch (final java.io.IOException e)
            {
                throw new java.io.UncheckedIOException(e);
            }
        });
        context.start();
        for (int i = 0; i < records; i++)
        {
            receiver.store("r" + i);
        }
        final ContextInternals internals = ContextInternals.Access.of(context);
        while (internals.acceptedRecords() < records)
        {
            Thread.onSpinWait();
        }
        System.out.println("READY " + internals.dataDir());
        System.out.flush();
        context.awaitTermination();
    }
}

package io.sluice.api;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Appends records to a Chronicle topic from a thread of its own (a producer as another process would be). */
final class TopicRecords
{
    private TopicRecords()
    {
    }

    static void produce(final Path topic, final List<String> records) throws InterruptedException
    {
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        final Thread producer = new Thread(() ->
        {
            try (TopicWriter<String> writer = TopicWriter.open(topic, Codecs.STRING))
            {
                for (final String record : records)
                {
                    writer.append(record);
                }
            }
            catch (final Throwable ex)
            {
                failure.set(ex);
            }
        }, "topic-producer");
        producer.start();
        producer.join();
        if (failure.get() != null)
        {
            throw new AssertionError("producer failed", failure.get());
        }
    }
}

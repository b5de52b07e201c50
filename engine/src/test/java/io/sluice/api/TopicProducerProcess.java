package io.sluice.api;

import java.nio.file.Path;

/** A topic producer run as a separate JVM by {@link ChronicleTopicTest}: appends {@code count} records. */
public final class TopicProducerProcess
{
    private TopicProducerProcess()
    {
    }

    /** Arguments: queue directory, record count, record prefix. */
    public static void main(final String[] args)
    {
        final int count = Integer.parseInt(args[1]);
        try (TopicWriter<String> writer = TopicWriter.open(Path.of(args[0]), Codecs.STRING))
        {
            for (int i = 0; i < count; i++)
            {
                writer.append(args[2] + i);
            }
        }
    }
}

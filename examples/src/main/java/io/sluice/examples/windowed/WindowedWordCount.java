package io.sluice.examples.windowed;

import io.sluice.api.DStream;
import io.sluice.api.StreamingContext;
import io.sluice.api.StringLongPairDStream;
import io.sluice.api.TextDStream;
import io.sluice.examples.feed.TextFeeder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Word counts over a sliding window, computed incrementally: each slide adds the batches entering the window and
 * subtracts, with the inverse function, those leaving it ({@code reduceByKeyAndWindow(+, -, window, slide, filter)});
 * words whose count falls to zero leave the output. Runs on the fast path ({@code TextDStream},
 * {@code StringLongPairDStream}): no String or boxed count per word.
 *
 * <pre>
 * java -cp examples/target/sluice-examples.jar io.sluice.examples.windowed.WindowedWordCount
 * </pre>
 */
public final class WindowedWordCount
{
    static final String USAGE = """
        WindowedWordCount: word counts over a sliding window with an inverse function.
          --host H           server to read lines from (default 127.0.0.1)
          --port P           its port (default: the built-in feeder)
          --window-ms MS     window length (default 3000)
          --slide-ms MS      slide (default 1000)
          --interval-ms MS   batch interval (default 1000); window and slide must be multiples of it
          --batches N        batches before a graceful stop (default 6; 0 = until Ctrl-C)
          --checkpoint DIR   checkpoint directory (default: a temporary directory)
        """;

    private WindowedWordCount()
    {
    }

    /**
     * (word, count) over the last {@code window}, every {@code slide}, on the fast path: lines split and counted as
     * UTF-8 bytes, then the window on text keys (words become Strings only when printed or boxed). Generic twin:
     * {@code flatMap(split(" ")).filter(nonEmpty).mapToPair((w, 1)).reduceByKeyAndWindow(+, -, window, slide,
     * count > 0)}.
     */
    public static StringLongPairDStream windowedCounts(final DStream<String> lines, final Duration window,
        final Duration slide)
    {
        return TextDStream.of(lines).splitWords().dropEmpty().countByValue()
            .reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, window, slide, (word, count) -> count > 0);
    }

    public static void main(final String[] args) throws Exception
    {
        String host = "127.0.0.1";
        int port = -1;
        long windowMs = 3000;
        long slideMs = 1000;
        long intervalMs = 1000;
        int batches = 6;
        Path checkpoint = null;
        final io.sluice.examples.Args a = new io.sluice.examples.Args(args, USAGE);
        while (a.hasNext())
        {
            switch (a.next())
            {
                case "--host" -> host = a.value();
                case "--port" -> port = a.intValue();
                case "--window-ms" -> windowMs = a.longValue();
                case "--slide-ms" -> slideMs = a.longValue();
                case "--interval-ms" -> intervalMs = a.longValue();
                case "--batches" -> batches = a.intValue();
                case "--checkpoint" -> checkpoint = Path.of(a.value());
                case "--help", "-h" ->
                {
                    a.printUsage();
                    return;
                }
                default -> throw a.unknown();
            }
        }
        final TextFeeder feeder = port < 0 ? new TextFeeder(0, TextFeeder.LINES, 4).start() : null;
        final int targetPort = feeder != null ? feeder.port() : port;
        final Path checkpointDir = checkpoint != null ? checkpoint : io.sluice.examples.TempDirs.deletedOnExit("sluice-windowed-");
        try (StreamingContext ssc = StreamingContext.builder().appName("windowed-word-count")
            .set("sluice.stop.gracefullyOnShutdown", "true")
            .batchInterval(Duration.ofMillis(intervalMs)).checkpointDir(checkpointDir).build())
        {
            windowedCounts(ssc.socketTextStream(host, targetPort), Duration.ofMillis(windowMs),
                Duration.ofMillis(slideMs)).print(8);
            System.out.println("windowed word count: reading " + host + ":" + targetPort
                + (feeder != null ? " (built-in feeder)" : "") + ", window " + windowMs + " ms sliding every "
                + slideMs + " ms");
            ssc.start();
            if (batches > 0)
            {
                ssc.awaitTerminationOrTimeout(Duration.ofMillis(intervalMs * batches + intervalMs / 2));
                ssc.stop(true);
            }
            else
            {
                ssc.awaitTermination();
            }
        }
        finally
        {
            if (feeder != null)
            {
                feeder.close();
            }
        }
    }
}

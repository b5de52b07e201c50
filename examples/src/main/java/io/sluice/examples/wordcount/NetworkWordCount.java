package io.sluice.examples.wordcount;

import io.sluice.api.PairDStream;
import io.sluice.api.Pair;
import io.sluice.api.StreamingContext;
import io.sluice.examples.feed.TextFeeder;

import java.time.Duration;
import java.util.Arrays;

/**
 * Spark's network word count: lines from a TCP server, split into words, counted per batch, printed.
 *
 * <pre>
 * java -jar examples/target/sluice-examples.jar                      # built-in feeder on loopback, 5 batches
 * java -jar examples/target/sluice-examples.jar --port 9999          # your server, e.g. nc -lk 9999
 * java -jar examples/target/sluice-examples.jar --batches 0          # run until Ctrl-C
 * </pre>
 */
public final class NetworkWordCount
{
    private NetworkWordCount()
    {
    }

    /**
     * The pipeline on the columnar fast path: lines decoded from the ingest log into a UTF-8 bytes column, split,
     * filtered and counted in one fused loop over bytes; Strings are made only for the printed pairs. Same output as
     * {@link #wordCountsGeneric}.
     */
    public static PairDStream<String, Long> wordCounts(final StreamingContext ssc, final String host, final int port)
    {
        return ssc.textSocketStream(host, port)
            .splitWords()
            .dropEmpty()
            .countByValue()
            .boxed();
    }

    /** The same pipeline on the generic API (Spark's word count, word for word). */
    public static PairDStream<String, Long> wordCountsGeneric(final StreamingContext ssc, final String host,
        final int port)
    {
        return ssc.socketTextStream(host, port)
            .flatMap(line -> Arrays.asList(line.split(" ")))
            .filter(word -> !word.isEmpty())
            .mapToPair(word -> Pair.of(word, 1L))
            .reduceByKey(Long::sum);
    }

    static final String USAGE = """
        NetworkWordCount (the main job): counts the words of the lines a TCP server sends, per batch.
          --host H          the server's host (default 127.0.0.1)
          --port P          the server's port (default: a built-in feeder on a loopback port)
          --batches N       batches to run, then stop gracefully (default 5; 0 = until Ctrl-C)
          --interval-ms MS  the batch interval (default 1000)
        The streaming UI's address is printed at start (sluice.ui.* in the README).
        """;

    public static void main(final String[] args) throws Exception
    {
        String host = "127.0.0.1";
        int port = -1;
        int batches = 5;
        long intervalMs = 1000;
        final io.sluice.examples.Args a = new io.sluice.examples.Args(args, USAGE);
        while (a.hasNext())
        {
            switch (a.next())
            {
                case "--host" -> host = a.value();
                case "--port" -> port = a.intValue();
                case "--batches" -> batches = a.intValue();
                case "--interval-ms" -> intervalMs = a.longValue();
                case "--help", "-h" ->
                {
                    a.printUsage();
                    return;
                }
                default -> throw a.unknown();
            }
        }
        final TextFeeder feeder = port < 0 ? new TextFeeder(0, TextFeeder.LINES, 20).start() : null;
        final int targetPort = feeder != null ? feeder.port() : port;
        try (StreamingContext ssc = StreamingContext.builder().appName("network-word-count")
            .set("sluice.stop.gracefullyOnShutdown", "true")
            .batchInterval(Duration.ofMillis(intervalMs)).build())
        {
            wordCounts(ssc, host, targetPort).print();
            System.out.println("network word count: reading " + host + ":" + targetPort
                + (feeder != null ? " (built-in feeder)" : "") + ", batch interval " + intervalMs + " ms");
            ssc.start();
            ssc.uiWebUrl().ifPresent(url -> System.out.println("streaming UI: " + url + "   metrics: "
                + url.replace("/streaming/", "/metrics")));
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

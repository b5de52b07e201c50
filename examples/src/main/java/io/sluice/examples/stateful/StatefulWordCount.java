package io.sluice.examples.stateful;

import io.sluice.api.DStream;
import io.sluice.api.StateSpec;
import io.sluice.api.StreamingContext;
import io.sluice.api.StringLongPairDStream;
import io.sluice.api.TextDStream;
import io.sluice.examples.feed.TextFeeder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Running word counts over a socket stream, two ways: {@code updateStateByKey} (every word's total, every batch) and
 * {@code mapWithState} with a timeout (a word's session: its count while it keeps appearing, and one "expired"
 * record once it has been idle longer than the timeout; idle words are swept on checkpoint batches).
 *
 * <pre>
 * java -cp examples/target/sluice-examples.jar io.sluice.examples.stateful.StatefulWordCount
 * </pre>
 */
public final class StatefulWordCount
{
    static final String USAGE = """
        StatefulWordCount: running word counts (updateStateByKey) and word sessions that expire (mapWithState).
          --host H           server to read lines from (default 127.0.0.1)
          --port P           its port (default: the built-in feeder, which sends a few lines then goes quiet)
          --timeout-ms MS    a session expires after this long without the word (default 3000)
          --interval-ms MS   batch interval (default 1000)
          --batches N        batches before a graceful stop (default 12; 0 = until Ctrl-C)
          --checkpoint DIR   checkpoint directory (default: a temporary directory)
        """;

    private StatefulWordCount()
    {
    }

    /** (word, count) of each batch's lines, on the fast path (split and counted as UTF-8 bytes). */
    public static StringLongPairDStream wordCounts(final DStream<String> lines)
    {
        return TextDStream.of(lines).splitWords().dropEmpty().countByValue();
    }

    /** Every word's total so far, after every batch (fast-path {@code updateStateByKey} on text keys). */
    public static StringLongPairDStream runningCounts(final DStream<String> lines)
    {
        return wordCounts(lines).updateStateByKey((word, counts, total) ->
            total.update((total.exists() ? total.get() : 0) + counts.sum()));
    }

    /**
     * One record per word seen in a batch (generic {@code mapWithState} over the boxed per-batch counts: its records
     * are Strings made from the word, which the fast path's long-valued {@code mapWithState} does not produce), {@code word=total}, and {@code word expired after total} once a word has
     * been idle longer than {@code timeout} (its session then starts again from zero).
     */
    public static DStream<String> sessions(final DStream<String> lines, final Duration timeout)
    {
        final StateSpec<String, Long, Long, String> spec = StateSpec.function(
            (String word, Optional<Long> count, io.sluice.api.State<Long> state) ->
            {
                if (state.isTimingOut())
                {
                    return word + " expired after " + state.get();
                }
                final long total = state.getOption().orElse(0L) + count.orElse(0L);
                state.update(total);
                return word + "=" + total;
            });
        return wordCounts(lines).boxed().mapWithState(spec.timeout(timeout));
    }

    public static void main(final String[] args) throws Exception
    {
        String host = "127.0.0.1";
        int port = -1;
        long timeoutMs = 3000;
        long intervalMs = 1000;
        int batches = 12;
        Path checkpoint = null;
        final io.sluice.examples.Args a = new io.sluice.examples.Args(args, USAGE);
        while (a.hasNext())
        {
            switch (a.next())
            {
                case "--host" -> host = a.value();
                case "--port" -> port = a.intValue();
                case "--timeout-ms" -> timeoutMs = a.longValue();
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
        final TextFeeder feeder = port < 0
            ? new TextFeeder(0, TextFeeder.LINES, 4, TextFeeder.LINES.size() * 2L).start() : null;
        final int targetPort = feeder != null ? feeder.port() : port;
        final Path checkpointDir = checkpoint != null ? checkpoint : io.sluice.examples.TempDirs.deletedOnExit("sluice-stateful-");
        try (StreamingContext ssc = StreamingContext.builder().appName("stateful-word-count")
            .set("sluice.stop.gracefullyOnShutdown", "true")
            .batchInterval(Duration.ofMillis(intervalMs)).checkpointDir(checkpointDir).build())
        {
            final DStream<String> lines = ssc.socketTextStream(host, targetPort).cache();
            runningCounts(lines).print(5);
            sessions(lines, Duration.ofMillis(timeoutMs)).print(20);
            System.out.println("stateful word count: reading " + host + ":" + targetPort
                + (feeder != null ? " (built-in feeder, goes quiet after " + TextFeeder.LINES.size() * 2 + " lines)" : "")
                + ", sessions expire after " + timeoutMs + " ms idle");
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

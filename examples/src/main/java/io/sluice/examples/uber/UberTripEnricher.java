package io.sluice.examples.uber;

import io.sluice.api.Broadcast;
import io.sluice.api.Codecs;
import io.sluice.api.DStream;
import io.sluice.api.LongAccumulator;
import io.sluice.api.StreamingContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * App 1 of the Uber pipeline: trip lines in (a directory of files or a socket), each trip assigned to its nearest
 * k-means centre (the model is a broadcast variable), enriched JSON lines out to a Chronicle topic. Lines that are not
 * trips go, with their reason, to a dead-letter topic as {@code reason<TAB>line}: nothing is dropped silently.
 *
 * <pre>
 * java -cp examples/target/sluice-examples.jar io.sluice.examples.uber.UberTripEnricher --topic topics/uber-trips
 * </pre>
 */
public final class UberTripEnricher
{
    static final String USAGE = """
        UberTripEnricher (App 1): trip lines -> nearest cluster -> enriched JSON on a Chronicle topic.
          --input FILE          trip lines, read through a watched directory (default: the bundled September trips)
          --socket HOST:PORT    read trip lines from a TCP server instead (e.g. nc -lk 9999 < trips.csv)
          --model FILE          k-means centres from UberTrainer (default: the bundled model-k10.csv)
          --topic DIR           Chronicle topic of enriched trips (default topics/uber-trips)
          --dead-letters DIR    Chronicle topic of rejected lines with reasons (default topics/uber-dead-letters)
          --append              add to what earlier runs published (default: each run starts both topics afresh,
                                so App 2 never counts a rerun's trips twice)
          --interval-ms MS      batch interval (default 1000)
          --batches N           batches to run before a graceful stop (default with --input or the bundled file:
                                until every line of the file is processed; with --socket: 3; 0 = until Ctrl-C)
        """;

    private UberTripEnricher()
    {
    }

    /** What the pipeline produces from the lines of one batch. */
    public record Streams(DStream<EnrichedTrip> trips, DStream<TripParser.Result> rejected)
    {
    }

    /** Parses each line once (cached), enriches the trips with the broadcast model, keeps the rejects apart. */
    public static Streams enrich(final DStream<String> lines, final Broadcast<KMeansModel> model)
    {
        final DStream<TripParser.Result> parsed = lines.map(TripParser::parse).cache();
        final DStream<EnrichedTrip> trips = parsed.filter(TripParser.Result::isTrip)
            .map(result -> EnrichedTrip.of(result.trip(), model.value()));
        final DStream<TripParser.Result> rejected = parsed.filter(result -> !result.isTrip());
        return new Streams(trips, rejected);
    }

    /** The dead-letter line of a rejected input line. */
    public static String deadLetter(final TripParser.Result rejected)
    {
        return rejected.reason() + "\t" + rejected.line();
    }

    /**
     * Deletes what earlier runs published to {@code topics} (a rerun would otherwise add the same trips again, and
     * App 2 would count them twice); says so when there was something. Stop App 2 first, or restart it after.
     *
     * @return how many topic directories held data and were removed
     */
    public static int startAfresh(final Path... topics) throws IOException
    {
        int removed = 0;
        for (final Path topic : topics)
        {
            if (Files.isDirectory(topic))
            {
                try (java.util.stream.Stream<Path> files = Files.list(topic))
                {
                    if (files.findAny().isEmpty())
                    {
                        continue;
                    }
                }
                io.sluice.examples.TempDirs.delete(topic);
                System.out.println("uber trip enricher: removed what an earlier run published to " + topic
                    + " (each run starts afresh; --append keeps it)");
                removed++;
            }
        }
        return removed;
    }

    /** Publishes the enriched trips and the dead letters to their topics (both idempotent on batch time). */
    public static void publish(final Streams streams, final Path topic, final Path deadLetterTopic)
    {
        streams.trips().map(EnrichedTrip::toJson).saveToChronicleTopic(topic, Codecs.STRING);
        streams.rejected().map(UberTripEnricher::deadLetter).saveToChronicleTopic(deadLetterTopic, Codecs.STRING);
    }

    public static void main(final String[] args) throws Exception
    {
        String input = null;
        String socket = null;
        String modelFile = null;
        Path topic = Path.of("topics/uber-trips");
        Path deadLetters = Path.of("topics/uber-dead-letters");
        long intervalMs = 1000;
        Integer batchesOption = null;
        boolean append = false;
        final io.sluice.examples.Args a = new io.sluice.examples.Args(args, USAGE);
        while (a.hasNext())
        {
            switch (a.next())
            {
                case "--input" -> input = a.value();
                case "--socket" -> socket = a.value();
                case "--model" -> modelFile = a.value();
                case "--topic" -> topic = Path.of(a.value());
                case "--dead-letters" -> deadLetters = Path.of(a.value());
                case "--append" -> append = true;
                case "--interval-ms" -> intervalMs = a.longValue();
                case "--batches" -> batchesOption = a.intValue();
                case "--help", "-h" ->
                {
                    a.printUsage();
                    return;
                }
                default -> throw a.unknown();
            }
        }
        final KMeansModel model = KMeansModel.load(UberData.fileOrBundled(modelFile, UberData.MODEL));
        if (!append)
        {
            startAfresh(topic, deadLetters);
        }
        final Path watched = socket == null ? Files.createTempDirectory("sluice-uber-in-") : null;
        try (StreamingContext ssc = StreamingContext.builder().appName("uber-trip-enricher")
            .set("sluice.stop.gracefullyOnShutdown", "true")
            .batchInterval(Duration.ofMillis(intervalMs)).build())
        {
            final DStream<String> lines;
            if (socket == null)
            {
                lines = ssc.textFileStream(watched);
            }
            else
            {
                final int colon = socket.lastIndexOf(':');
                lines = ssc.socketTextStream(socket.substring(0, colon), Integer.parseInt(socket.substring(colon + 1)));
            }
            final LongAccumulator processed = ssc.longAccumulator("lines processed");
            lines.count().foreachBatch((count, time) -> count.forEach(processed::add));
            final Streams streams = enrich(lines, ssc.broadcast(model));
            publish(streams, topic, deadLetters);
            streams.trips().count().transformWith(streams.rejected().count(),
                (trips, rejected, time) -> java.util.List.of("batch " + time.milliseconds() + ": "
                    + trips.collect().get(0) + " trips published, "
                    + rejected.collect().get(0) + " lines to the dead-letter topic"))
                .foreachBatch((batch, time) -> batch.forEach(System.out::println));
            streams.trips().map(EnrichedTrip::toJson).print(3);
            System.out.println("uber trip enricher: " + model.k() + " clusters; trips to " + topic
                + ", dead letters to " + deadLetters);
            ssc.start();
            long fileLines = -1;
            if (watched != null)
            {
                final Path source = UberData.fileOrBundled(input, UberData.SEPTEMBER);
                try (java.util.stream.Stream<String> fileContent = Files.lines(source))
                {
                    fileLines = fileContent.count();
                }
                final Path staged = watched.resolve(".staged");
                Files.copy(source, staged, StandardCopyOption.REPLACE_EXISTING);
                Files.move(staged, watched.resolve("trips.csv"), StandardCopyOption.ATOMIC_MOVE);
            }
            final int batches = batchesOption != null ? batchesOption : fileLines >= 0 ? -1 : 3;
            if (batches < 0)
            {
                // run until every line of the file went through a batch (published or dead-lettered)
                while (processed.value() < fileLines)
                {
                    if (ssc.awaitTerminationOrTimeout(Duration.ofMillis(intervalMs)))
                    {
                        break;
                    }
                }
                ssc.stop(true);
                System.out.println("processed all " + fileLines + " lines of the input");
            }
            else if (batches > 0)
            {
                ssc.awaitTerminationOrTimeout(Duration.ofMillis(intervalMs * batches + intervalMs / 2));
                ssc.stop(true);
            }
            else
            {
                ssc.awaitTermination();
            }
        }
    }
}

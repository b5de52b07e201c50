package io.sluice.examples.uber;

import io.sluice.api.Codecs;
import io.sluice.api.DStream;
import io.sluice.api.Pair;
import io.sluice.api.PairDStream;
import io.sluice.api.StreamingContext;
import io.sluice.api.TopicStart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * App 2 of the Uber pipeline: consumes App 1's topic of enriched trips and reports the most popular clusters by date
 * and hour (running counts, {@code updateStateByKey}) and over a sliding window ({@code reduceByKeyAndWindow} with an
 * inverse function).
 *
 * <pre>
 * java -cp examples/target/sluice-examples.jar io.sluice.examples.uber.UberPopularClusters --topic topics/uber-trips
 * </pre>
 */
public final class UberPopularClusters
{
    static final String USAGE = """
        UberPopularClusters (App 2): the most popular clusters by date and hour, and over a sliding window.
          --topic DIR        Chronicle topic of enriched trips written by UberTripEnricher (default topics/uber-trips)
          --start S          beginning | end | after:<index> (default beginning)
          --top N            rows per report (default 5)
          --interval-ms MS   batch interval (default 1000)
          --window-batches W window length in batches (default 3), sliding every batch
          --batches N        batches to run before a graceful stop (default 3; 0 = until Ctrl-C)
          --checkpoint DIR   checkpoint directory (default: a temporary directory)
        """;

    private UberPopularClusters()
    {
    }

    /** A cluster in one hour of one day ({@code dateHour} is {@code yyyy-MM-dd HH}). */
    public record HourCluster(String dateHour, int cid)
    {
    }

    /** The report's streams. */
    public record Streams(PairDStream<HourCluster, Long> hourlyCounts, PairDStream<Integer, Long> windowCounts)
    {
    }

    /**
     * {@code hourlyCounts}: after every batch, the running number of trips of every (date-hour, cluster) seen so far;
     * {@code windowCounts}: trips per cluster over the last {@code window}, updated incrementally every
     * {@code slide} (clusters whose count falls to zero are dropped).
     */
    public static Streams popularity(final DStream<EnrichedTrip> trips, final Duration window, final Duration slide)
    {
        final PairDStream<HourCluster, Long> hourly = trips
            .mapToPair(trip -> Pair.of(new HourCluster(trip.dateHour(), trip.cid()), 1L))
            .reduceByKey(Long::sum)
            .updateStateByKey((List<Long> counts, Optional<Long> total) ->
            {
                long sum = total.orElse(0L);
                for (final long count : counts)
                {
                    sum += count;
                }
                return Optional.of(sum);
            });
        final PairDStream<Integer, Long> windowed = trips
            .mapToPair(trip -> Pair.of(trip.cid(), 1L))
            .reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, window, slide, (cid, count) -> count > 0);
        return new Streams(hourly, windowed);
    }

    /** The {@code n} largest pairs by value (ties: in encounter order). */
    public static <K> List<Pair<K, Long>> top(final List<Pair<K, Long>> pairs, final int n)
    {
        final List<Pair<K, Long>> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.comparingLong((Pair<K, Long> p) -> p.value()).reversed());
        return List.copyOf(sorted.subList(0, Math.min(n, sorted.size())));
    }

    public static void main(final String[] args) throws Exception
    {
        Path topic = Path.of("topics/uber-trips");
        TopicStart start = TopicStart.BEGINNING;
        int topN = 5;
        long intervalMs = 1000;
        int windowBatches = 3;
        int batches = 3;
        Path checkpoint = null;
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--topic" -> topic = Path.of(args[++i]);
                case "--start" -> start = TopicStart.parse(args[++i]);
                case "--top" -> topN = Integer.parseInt(args[++i]);
                case "--interval-ms" -> intervalMs = Long.parseLong(args[++i]);
                case "--window-batches" -> windowBatches = Integer.parseInt(args[++i]);
                case "--batches" -> batches = Integer.parseInt(args[++i]);
                case "--checkpoint" -> checkpoint = Path.of(args[++i]);
                case "--help", "-h" ->
                {
                    System.out.print(USAGE);
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        final Path checkpointDir = checkpoint != null ? checkpoint : Files.createTempDirectory("sluice-uber-ckpt-");
        final Duration interval = Duration.ofMillis(intervalMs);
        final int n = topN;
        final int windowLength = windowBatches;
        try (StreamingContext ssc = StreamingContext.builder().appName("uber-popular-clusters")
            .batchInterval(interval).checkpointDir(checkpointDir).build())
        {
            final DStream<EnrichedTrip> trips = ssc.chronicleTopic(topic, start, Codecs.STRING)
                .map(EnrichedTrip::fromJson).cache();
            final Streams streams = popularity(trips, interval.multipliedBy(windowBatches), interval);
            streams.hourlyCounts().foreachBatch((batch, time) ->
            {
                System.out.println("-- " + time + ": most popular clusters by date and hour (running counts)");
                for (final Pair<HourCluster, Long> row : top(batch.collect(), n))
                {
                    System.out.println("  " + row.key().dateHour() + ":00  cluster " + row.key().cid() + "  "
                        + row.value() + " trips");
                }
            });
            streams.windowCounts().foreachBatch((batch, time) ->
            {
                System.out.println("-- " + time + ": most popular clusters over the last " + windowLength
                    + " batches");
                for (final Pair<Integer, Long> row : top(batch.collect(), n))
                {
                    System.out.println("  cluster " + row.key() + "  " + row.value() + " trips");
                }
            });
            System.out.println("uber popular clusters: reading " + topic + " from " + start);
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
    }
}

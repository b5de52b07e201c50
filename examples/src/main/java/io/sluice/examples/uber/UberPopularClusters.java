package io.sluice.examples.uber;

import io.sluice.api.Codecs;
import io.sluice.api.DStream;
import io.sluice.api.LongDStream;
import io.sluice.api.LongLongBatch;
import io.sluice.api.LongLongPairDStream;
import io.sluice.api.Pair;
import io.sluice.api.PairDStream;
import io.sluice.api.StreamingContext;
import io.sluice.api.TopicStart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * App 2 of the Uber pipeline: consumes App 1's topic of enriched trips and reports the most popular clusters by date
 * and hour (running counts, {@code updateStateByKey}) and over a sliding window ({@code reduceByKeyAndWindow} with an
 * inverse function). On the fast path: each JSON line becomes one {@code long} key (date-hour and cluster), and the
 * counts, window and state run on primitive columns; the record types come back only for output.
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

    /** Cluster ids are below this bound, so a (date-hour, cluster) pair is one {@code long} key. */
    public static final int CLUSTER_KEYS = 1000;

    /** A cluster in one hour of one day ({@code dateHour} is {@code yyyy-MM-dd HH}). */
    public record HourCluster(String dateHour, int cid)
    {
    }

    /**
     * The report's streams, on the fast path: {@code hourlyKeys} holds (hour key, running trips) with hour keys as
     * {@link #hourClusterKey} makes them; {@code clusterWindow} holds (cluster id, trips in the window).
     * {@link #hourlyCounts()} and {@link #windowCounts()} are the same batches in the example's record types.
     */
    public record Streams(LongLongPairDStream hourlyKeys, LongLongPairDStream clusterWindow)
    {
        /** {@code hourlyKeys} as ((date-hour, cluster), count) pairs, made once per batch per key. */
        public PairDStream<HourCluster, Long> hourlyCounts()
        {
            return hourlyKeys.boxed().mapToPair(p -> Pair.of(hourCluster(p.key()), p.value()));
        }

        /** {@code clusterWindow} as (cluster id, count) pairs. */
        public PairDStream<Integer, Long> windowCounts()
        {
            return clusterWindow.boxed().mapToPair(p -> Pair.of((int)p.key().longValue(), p.value()));
        }
    }

    /**
     * From App 1's JSON lines: {@code hourlyKeys}: after every batch, the running number of trips of every
     * (date-hour, cluster) seen so far ({@code updateStateByKey}); {@code clusterWindow}: trips per cluster over the
     * last {@code window}, updated incrementally every {@code slide} (clusters whose count falls to zero are
     * dropped). Each line is parsed once, straight into a {@code long} key; everything after runs on primitive
     * columns and maps.
     */
    public static Streams popularity(final DStream<String> json, final Duration window, final Duration slide)
    {
        final LongDStream keys = json.mapToLong(UberPopularClusters::hourClusterKey);
        final LongLongPairDStream hourly = keys.countByValue()
            .updateStateByKey((key, counts, total) ->
            {
                if (counts.size() > 0)
                {
                    total.update((total.exists() ? total.get() : 0) + counts.sum());
                }
            });
        final LongLongPairDStream windowed = keys.mapToLongPair(key -> key % CLUSTER_KEYS, key -> 1)
            .reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, window, slide, (cid, count) -> count > 0);
        return new Streams(hourly, windowed);
    }

    /**
     * The key of a trip line {@code {"dt":"yyyy-MM-dd HH:mm:ss",...,"cid":c,...}}: hours since 1970-01-01 00:00
     * (the pickup's local time read as UTC) times {@link #CLUSTER_KEYS}, plus the cluster id. Reads the two fields
     * in place: no object per line.
     */
    public static long hourClusterKey(final String json)
    {
        final int dt = field(json, "\"dt\":\"");
        final long days = daysSinceEpoch(digits(json, dt, 4), digits(json, dt + 5, 2), digits(json, dt + 8, 2));
        final long hours = days * 24 + digits(json, dt + 11, 2);
        final int cidStart = field(json, "\"cid\":");
        int cidEnd = cidStart;
        while (cidEnd < json.length() && Character.isDigit(json.charAt(cidEnd)))
        {
            cidEnd++;
        }
        final int cid = digits(json, cidStart, cidEnd - cidStart);
        if (cidEnd == cidStart || cid >= CLUSTER_KEYS)
        {
            throw new IllegalArgumentException("cluster id not in [0, " + CLUSTER_KEYS + ") in " + json);
        }
        return hours * CLUSTER_KEYS + cid;
    }

    /** The (date-hour, cluster) of a key made by {@link #hourClusterKey}. */
    public static HourCluster hourCluster(final long key)
    {
        final LocalDateTime hour = LocalDateTime.ofEpochSecond(Math.floorDiv(key, CLUSTER_KEYS) * 3600, 0,
            ZoneOffset.UTC);
        return new HourCluster(EnrichedTrip.DT.format(hour).substring(0, 13), (int)Math.floorMod(key, CLUSTER_KEYS));
    }

    /** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
    static long daysSinceEpoch(final int year, final int month, final int day)
    {
        final int y = month <= 2 ? year - 1 : year;
        final int era = Math.floorDiv(y, 400);
        final int yearOfEra = y - era * 400;
        final int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        final int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146097L + dayOfEra - 719468;
    }

    private static int field(final String json, final String key)
    {
        final int at = json.indexOf(key);
        if (at < 0)
        {
            throw new IllegalArgumentException("no " + key + " in " + json);
        }
        return at + key.length();
    }

    private static int digits(final String text, final int from, final int count)
    {
        int value = 0;
        for (int i = from; i < from + count; i++)
        {
            final char c = text.charAt(i);
            if (c < '0' || c > '9')
            {
                throw new IllegalArgumentException("not a digit at " + i + " of " + text);
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The {@code n} largest pairs by value; ties go to the smaller key. */
    public static <K extends Comparable<? super K>> List<Pair<K, Long>> top(final List<Pair<K, Long>> pairs,
        final int n)
    {
        final List<Pair<K, Long>> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.comparingLong((Pair<K, Long> p) -> p.value()).reversed()
            .thenComparing(Pair::key));
        return List.copyOf(sorted.subList(0, Math.min(n, sorted.size())));
    }

    /**
     * The positions in {@code batch} of its {@code n} largest values, largest first; ties go to the smaller key
     * (the batch's own order is not used: fast-path keyed batches are not sorted).
     */
    public static int[] top(final LongLongBatch batch, final int n)
    {
        final int[] best = new int[Math.min(n, batch.size())];
        int filled = 0;
        for (int i = 0; i < batch.size(); i++)
        {
            int at = filled;
            while (at > 0 && ranksBefore(batch, i, best[at - 1]))
            {
                at--;
            }
            if (at < best.length)
            {
                final int moved = Math.min(filled, best.length - 1) - at;
                System.arraycopy(best, at, best, at + 1, moved);
                best[at] = i;
                filled = Math.min(filled + 1, best.length);
            }
        }
        return best;
    }

    private static boolean ranksBefore(final LongLongBatch batch, final int i, final int j)
    {
        return batch.value(i) > batch.value(j) || batch.value(i) == batch.value(j) && batch.key(i) < batch.key(j);
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
        final io.sluice.examples.Args a = new io.sluice.examples.Args(args, USAGE);
        while (a.hasNext())
        {
            switch (a.next())
            {
                case "--topic" -> topic = Path.of(a.value());
                case "--start" -> start = TopicStart.parse(a.value());
                case "--top" -> topN = a.intValue();
                case "--interval-ms" -> intervalMs = a.longValue();
                case "--window-batches" -> windowBatches = a.intValue();
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
        final Path checkpointDir = checkpoint != null ? checkpoint : io.sluice.examples.TempDirs.deletedOnExit("sluice-uber-ckpt-");
        final Duration interval = Duration.ofMillis(intervalMs);
        final int n = topN;
        final int windowLength = windowBatches;
        try (StreamingContext ssc = StreamingContext.builder().appName("uber-popular-clusters")
            .set("sluice.stop.gracefullyOnShutdown", "true")
            .batchInterval(interval).checkpointDir(checkpointDir).build())
        {
            final Streams streams = popularity(ssc.chronicleTopic(topic, start, Codecs.STRING),
                interval.multipliedBy(windowBatches), interval);
            streams.hourlyKeys().foreachBatch((batch, time) ->
            {
                System.out.println("-- " + time + ": most popular clusters by date and hour (running counts)");
                for (final int row : top(batch, n))
                {
                    final HourCluster key = hourCluster(batch.key(row));
                    System.out.println("  " + key.dateHour() + ":00  cluster " + key.cid() + "  "
                        + batch.value(row) + " trips");
                }
            });
            streams.clusterWindow().foreachBatch((batch, time) ->
            {
                System.out.println("-- " + time + ": most popular clusters over the last " + windowLength
                    + " batches");
                for (final int row : top(batch, n))
                {
                    System.out.println("  cluster " + batch.key(row) + "  " + batch.value(row) + " trips");
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

package io.sluice.examples.iot;

import io.sluice.api.Batch;
import io.sluice.api.DStream;
import io.sluice.api.LongLongPairDStream;
import io.sluice.api.Pair;
import io.sluice.api.PairDStream;
import io.sluice.api.StreamingContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * IoT: a simulated sensor stream (devices as long keys), per-device rolling min, max and mean over a sliding window
 * (on the fast path: long device ids, readings in fixed point), and an alert for every reading above a threshold.
 *
 * <pre>
 * java -cp examples/target/sluice-examples.jar io.sluice.examples.iot.IotPipeline --devices 5
 * </pre>
 */
public final class IotPipeline
{
    static final String USAGE = """
        IotPipeline: per-device rolling min/max/mean over a sliding window, and threshold alerts.
          --devices N        simulated devices (default 5), ids from 1001
          --seed S           simulator seed (default 1)
          --threshold T      alert above this temperature (default 35.0)
          --window-ms MS     window length (default 5000)
          --slide-ms MS      slide (default 1000)
          --interval-ms MS   batch interval and sensor tick (default 1000)
          --batches N        batches before a graceful stop (default 6; 0 = until Ctrl-C)
        """;

    private IotPipeline()
    {
    }

    /**
     * Readings are carried on the fast path in fixed point: hundredths of a degree ({@code Math.round(value * 100)}),
     * exact for the simulator's readings, which it rounds to two decimals.
     */
    public static final int FIXED_POINT = 100;

    /**
     * Per device, the stats of its readings in the last {@code window}, every {@code slide}, devices in id order.
     * Four windows over (device id, reading in hundredths) on the fast path: min and max have no inverse, so they
     * combine the window's per-batch partials every slide; sum and count slide incrementally with their inverse
     * (count drops a device once it has no reading in the window). They meet per device only at output.
     */
    public static PairDStream<Long, DeviceStats> rollingStats(final DStream<SensorReading> readings,
        final Duration window, final Duration slide)
    {
        final LongLongPairDStream values = readings.mapToLongPair(SensorReading::deviceId,
            reading -> Math.round(reading.value() * FIXED_POINT));
        final LongLongPairDStream min = values.reduceByKeyAndWindow(Math::min, window, slide);
        final LongLongPairDStream max = values.reduceByKeyAndWindow(Math::max, window, slide);
        final LongLongPairDStream sum = values.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, window, slide);
        final LongLongPairDStream count = readings.mapToLongPair(SensorReading::deviceId, reading -> 1)
            .reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, window, slide, (device, n) -> n > 0);
        final List<DStream<?>> parts = List.of(count.boxed(), sum.boxed(), min.boxed(), max.boxed());
        return readings.context().<Pair<Long, DeviceStats>>transform(parts, (batches, time) ->
        {
            final Map<Long, Long> sums = asMap(batches.get(1));
            final Map<Long, Long> mins = asMap(batches.get(2));
            final Map<Long, Long> maxes = asMap(batches.get(3));
            final List<Pair<Long, DeviceStats>> stats = new ArrayList<>();
            for (final Map.Entry<Long, Long> device : asMap(batches.get(0)).entrySet())
            {
                final long id = device.getKey();
                stats.add(Pair.of(id, new DeviceStats(device.getValue(), sums.get(id) / (double)FIXED_POINT,
                    mins.get(id) / (double)FIXED_POINT, maxes.get(id) / (double)FIXED_POINT)));
            }
            return stats;
        }).mapToPair(pair -> pair);
    }

    /** A batch of a boxed {@link LongLongPairDStream} as a map sorted by key. */
    private static Map<Long, Long> asMap(final Batch<?> batch)
    {
        final Map<Long, Long> map = new TreeMap<>();
        for (final Object element : batch)
        {
            final Pair<?, ?> pair = (Pair<?, ?>)element;
            map.put((Long)pair.key(), (Long)pair.value());
        }
        return map;
    }

    /** One line per reading above {@code threshold}. */
    public static DStream<String> alerts(final DStream<SensorReading> readings, final double threshold)
    {
        return readings.filter(reading -> reading.value() > threshold)
            .map(reading -> String.format(Locale.ROOT, "ALERT device %d tick %d: %.2f > %.2f", reading.deviceId(),
                reading.tick(), reading.value(), threshold));
    }

    public static void main(final String[] args) throws Exception
    {
        int devices = 5;
        long seed = 1;
        double threshold = 35.0;
        long windowMs = 5000;
        long slideMs = 1000;
        long intervalMs = 1000;
        int batches = 6;
        final io.sluice.examples.Args a = new io.sluice.examples.Args(args, USAGE);
        while (a.hasNext())
        {
            switch (a.next())
            {
                case "--devices" -> devices = a.intValue();
                case "--seed" -> seed = a.longValue();
                case "--threshold" -> threshold = a.doubleValue();
                case "--window-ms" -> windowMs = a.longValue();
                case "--slide-ms" -> slideMs = a.longValue();
                case "--interval-ms" -> intervalMs = a.longValue();
                case "--batches" -> batches = a.intValue();
                case "--help", "-h" ->
                {
                    a.printUsage();
                    return;
                }
                default -> throw a.unknown();
            }
        }
        final Path checkpointDir = io.sluice.examples.TempDirs.deletedOnExit("sluice-iot-");
        try (StreamingContext ssc = StreamingContext.builder().appName("iot")
            .set("sluice.stop.gracefullyOnShutdown", "true")
            .batchInterval(Duration.ofMillis(intervalMs)).checkpointDir(checkpointDir).build())
        {
            final DStream<SensorReading> readings = ssc.receiverStream(
                new SensorReceiver(new SensorSimulator(seed, devices, 1001), ssc.clock(), intervalMs, Long.MAX_VALUE),
                SensorReadingCodec.INSTANCE).cache();
            rollingStats(readings, Duration.ofMillis(windowMs), Duration.ofMillis(slideMs)).print(devices);
            alerts(readings, threshold).print();
            System.out.println("iot: " + devices + " simulated devices, one reading each per " + intervalMs
                + " ms; window " + windowMs + " ms sliding every " + slideMs + " ms; alerts above " + threshold);
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

package io.sluice.examples.iot;

import io.sluice.api.DStream;
import io.sluice.api.Pair;
import io.sluice.api.PairDStream;
import io.sluice.api.StreamingContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * IoT: a simulated sensor stream (devices as long keys), per-device rolling min, max and mean over a sliding window,
 * and an alert for every reading above a threshold.
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

    /** Per device, the stats of its readings in the last {@code window}, every {@code slide}. */
    public static PairDStream<Long, DeviceStats> rollingStats(final DStream<SensorReading> readings,
        final Duration window, final Duration slide)
    {
        // min and max have no inverse: the window is re-reduced from its batches' per-device partials every slide
        return readings.mapToPair(reading -> Pair.of(reading.deviceId(), DeviceStats.of(reading.value())))
            .reduceByKeyAndWindow(DeviceStats::merge, window, slide);
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
        for (int i = 0; i < args.length; i++)
        {
            switch (args[i])
            {
                case "--devices" -> devices = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--threshold" -> threshold = Double.parseDouble(args[++i]);
                case "--window-ms" -> windowMs = Long.parseLong(args[++i]);
                case "--slide-ms" -> slideMs = Long.parseLong(args[++i]);
                case "--interval-ms" -> intervalMs = Long.parseLong(args[++i]);
                case "--batches" -> batches = Integer.parseInt(args[++i]);
                case "--help", "-h" ->
                {
                    System.out.print(USAGE);
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        final Path checkpointDir = Files.createTempDirectory("sluice-iot-");
        try (StreamingContext ssc = StreamingContext.builder().appName("iot")
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

package io.sluice.examples.iot;

import io.sluice.api.DStream;
import io.sluice.api.Pair;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class IotPipelineTest
{
    private static final int DEVICES = 6;
    private static final int TICKS = 40;
    private static final int WINDOW_BATCHES = 3;
    private static final double THRESHOLD = 35.0;

    @Test
    void rollingStatsAndAlertsEqualAPlainRecomputationOfTheSimulatedReadings()
    {
        final SensorSimulator simulator = new SensorSimulator(1, DEVICES, 1001);
        final int batches = TICKS + WINDOW_BATCHES;
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final DStream<SensorReading> readings = driver.context().receiverStream(
                new SensorReceiver(simulator, driver.clock(), 1000, TICKS), SensorReadingCodec.INSTANCE).cache();
            final CollectedOutput<Pair<Long, DeviceStats>> stats = driver.collect(IotPipeline.rollingStats(readings,
                Duration.ofSeconds(WINDOW_BATCHES), Duration.ofSeconds(1)));
            final CollectedOutput<String> alerts = driver.collect(IotPipeline.alerts(readings, THRESHOLD));
            driver.start();
            for (int b = 1; b <= batches; b++)
            {
                // batch b holds tick b - 1, stored once the clock reached (b - 1) s
                driver.awaitReceived((long)DEVICES * Math.min(b, TICKS));
                driver.advance(1);
            }

            final List<String> expectedAlerts = new ArrayList<>();
            long totalAlerts = 0;
            for (int b = 1; b <= batches; b++)
            {
                final Map<Long, double[]> expected = new TreeMap<>(); // count, sum, min, max
                for (long tick = Math.max(0, b - WINDOW_BATCHES); tick <= b - 1 && tick < TICKS; tick++)
                {
                    for (final SensorReading r : simulator.tick(tick))
                    {
                        final double[] s = expected.computeIfAbsent(r.deviceId(),
                            d -> new double[] {0, 0, Double.MAX_VALUE, -Double.MAX_VALUE});
                        s[0]++;
                        s[1] += r.value();
                        s[2] = Math.min(s[2], r.value());
                        s[3] = Math.max(s[3], r.value());
                    }
                }
                final Map<Long, DeviceStats> actual = new TreeMap<>();
                stats.batches().get(b - 1).forEach(p -> actual.put(p.key(), p.value()));
                assertEquals(expected.keySet(), actual.keySet(), "devices in window ending with batch " + b);
                for (final Map.Entry<Long, double[]> e : expected.entrySet())
                {
                    final DeviceStats s = actual.get(e.getKey());
                    assertEquals((long)e.getValue()[0], s.count());
                    assertEquals(e.getValue()[2], s.min());
                    assertEquals(e.getValue()[3], s.max());
                    assertEquals(e.getValue()[1] / e.getValue()[0], s.mean(), 1e-9);
                }
                expectedAlerts.clear();
                if (b - 1 < TICKS)
                {
                    for (final SensorReading r : simulator.tick(b - 1))
                    {
                        if (r.value() > THRESHOLD)
                        {
                            expectedAlerts.add(String.format(Locale.ROOT, "ALERT device %d tick %d: %.2f > %.2f",
                                r.deviceId(), r.tick(), r.value(), THRESHOLD));
                        }
                    }
                }
                assertEquals(expectedAlerts, alerts.batches().get(b - 1), "alerts of batch " + b);
                totalAlerts += expectedAlerts.size();
            }
            assertFalse(totalAlerts == 0, "the simulation spikes above the threshold now and then");
            assertEquals(List.of(), stats.batches().get(batches - 1), "the last window is past the last tick");
        }
    }
}

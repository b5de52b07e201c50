package io.sluice.examples.iot;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic sensor data: every tick, every device reports one temperature: a per-device baseline (18..28 °C),
 * a random walk, noise, and now and then a spike of +15..25 °C. The readings of a tick depend only on the seed and
 * the tick (each tick has its own random stream), so any tick can be regenerated on its own.
 */
public final class SensorSimulator
{
    private final long seed;
    private final int devices;
    private final long firstDeviceId;

    public SensorSimulator(final long seed, final int devices, final long firstDeviceId)
    {
        this.seed = seed;
        this.devices = devices;
        this.firstDeviceId = firstDeviceId;
    }

    public int devices()
    {
        return devices;
    }

    /** The readings of {@code tick}, devices in id order. */
    public List<SensorReading> tick(final long tick)
    {
        final SplittableRandom random = new SplittableRandom(seed * 1_000_003L + tick);
        final List<SensorReading> readings = new ArrayList<>(devices);
        for (int d = 0; d < devices; d++)
        {
            final double baseline = 18 + (d * 37 % 11);
            final double drift = Math.sin((tick + d) / 5.0) * 2;
            double value = baseline + drift + random.nextDouble(-1, 1);
            if (random.nextInt(50) == 0)
            {
                value += random.nextDouble(15, 25);
            }
            readings.add(new SensorReading(firstDeviceId + d, tick, Math.round(value * 100) / 100.0));
        }
        return readings;
    }
}

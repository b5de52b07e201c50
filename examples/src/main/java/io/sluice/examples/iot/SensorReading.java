package io.sluice.examples.iot;

/** One reading of a device (devices are long ids), at a simulated tick. */
public record SensorReading(long deviceId, long tick, double value)
{
}

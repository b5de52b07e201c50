package io.sluice.examples.iot;

import io.sluice.api.Clock;
import io.sluice.examples.feed.ClockPacedReceiver;

import java.util.List;

/** The simulated sensor stream: every tick of the context's clock, one reading per device ({@link SensorSimulator}). */
public final class SensorReceiver extends ClockPacedReceiver<SensorReading>
{
    private final SensorSimulator simulator;

    public SensorReceiver(final SensorSimulator simulator, final Clock clock, final long tickMs, final long maxTicks)
    {
        super(clock, tickMs, maxTicks);
        this.simulator = simulator;
    }

    @Override
    protected List<SensorReading> recordsOf(final long tick)
    {
        return simulator.tick(tick);
    }
}

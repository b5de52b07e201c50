package io.sluice.examples.trading;

import io.sluice.api.Clock;
import io.sluice.examples.feed.ClockPacedReceiver;

import java.util.List;

/** The simulated tick stream: every tick of the context's clock, the trades {@link TickSimulator} makes for it. */
public final class TradeReceiver extends ClockPacedReceiver<Trade>
{
    private final TickSimulator simulator;

    public TradeReceiver(final TickSimulator simulator, final Clock clock, final long tickMs, final long maxTicks)
    {
        super(clock, tickMs, maxTicks);
        this.simulator = simulator;
    }

    @Override
    protected List<Trade> recordsOf(final long tick)
    {
        return simulator.tick(tick);
    }
}

package io.sluice.examples.trading;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Deterministic trades: every tick, {@code tradesPerTick} trades on random symbols, each price a symbol's base price
 * moved by a slow per-symbol swing and a little noise, quantities 1..500 in lots of 10 or less. A tick depends only on
 * the seed and its number, so any tick can be regenerated on its own; sequence numbers are
 * {@code tick * tradesPerTick + i}.
 */
public final class TickSimulator
{
    public static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOG", "META", "TSLA", "ORCL");

    private final long seed;
    private final int tradesPerTick;

    public TickSimulator(final long seed, final int tradesPerTick)
    {
        this.seed = seed;
        this.tradesPerTick = tradesPerTick;
    }

    public List<Trade> tick(final long tick)
    {
        final SplittableRandom random = new SplittableRandom(seed * 7_919L + tick);
        final List<Trade> trades = new ArrayList<>(tradesPerTick);
        for (int i = 0; i < tradesPerTick; i++)
        {
            final int s = random.nextInt(SYMBOLS.size());
            final double base = 50 + 40 * s;
            final double swing = Math.sin(tick / (3.0 + s) + s) * 0.03 * base;
            final double price = Math.round((base + swing + random.nextDouble(-0.5, 0.5)) * 100) / 100.0;
            final long qty = 1 + random.nextInt(500);
            trades.add(new Trade(SYMBOLS.get(s), tick * tradesPerTick + i, price, qty));
        }
        return trades;
    }
}

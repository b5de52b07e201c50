package io.sluice.examples.trading;

/**
 * A symbol's sums over a window behind its volume-weighted average price: sum of price × qty (computed exactly in
 * cents), sum of qty, trade count.
 */
public record Vwap(double notional, long volume, long trades)
{
    public double price()
    {
        return notional / volume;
    }

    @Override
    public String toString()
    {
        return String.format(java.util.Locale.ROOT, "vwap=%.4f trades=%d volume=%d", price(), trades, volume);
    }
}

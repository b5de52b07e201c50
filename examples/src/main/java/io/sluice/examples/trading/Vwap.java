package io.sluice.examples.trading;

/**
 * The running sums behind a volume-weighted average price: sum of price × qty, sum of qty, trade count. Sums have an
 * inverse ({@link #minus}), so a sliding window updates by what enters and leaves.
 */
public record Vwap(double notional, long volume, long trades)
{
    public static Vwap of(final Trade trade)
    {
        return new Vwap(trade.price() * trade.qty(), trade.qty(), 1);
    }

    public Vwap plus(final Vwap other)
    {
        return new Vwap(notional + other.notional, volume + other.volume, trades + other.trades);
    }

    public Vwap minus(final Vwap other)
    {
        return new Vwap(notional - other.notional, volume - other.volume, trades - other.trades);
    }

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
